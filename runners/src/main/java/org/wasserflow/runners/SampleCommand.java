package org.wasserflow.runners;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wasserflow.api.Law;
import org.wasserflow.api.Seed;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;
import org.wasserflow.flow.InferenceMemory;
import org.wasserflow.flow.config.ConfigValidator;

/**
 * The {@code sample} command: {@code wasserflow sample <run-dir> n=10000 out=samples.npy [checkpoint=400]}
 * draws {@code n} fresh source points (from the stream {@code sample} of the run's seed) and writes the
 * generator's images of them, from the newest checkpoint or a chosen one ({@code checkpoint=best}: the best
 * by {@code run.keep_best}), as {@code .npy} (float32) or {@code .csv}. Writing into the run directory locks it.
 * An {@code n} beyond the memory the generator needs ({@link InferenceMemory}) and an {@code out} that is one of
 * the run's own files are refused in one line before anything is written.
 */
public final class SampleCommand {

    private static final Logger LOG = LoggerFactory.getLogger(SampleCommand.class);

    public static final Setting<Integer> N = Setting.integer("n", 10_000).atLeast(1)
            .describe("how many points to generate, at most what memory allows for the run's generator (checked before generating)");
    public static final Setting<String> OUT = PointFiles.output("samples.npy");
    public static final Setting<String> CHECKPOINT = Setting.text("checkpoint", "")
            .describe("the checkpoint: its iteration or directory name, best for the best kept by run.keep_best; empty for the newest");
    /** The command's keys. */
    public static final SettingGroup GROUP = SettingGroup.of("", "wasserflow sample <run-dir>", N, OUT, CHECKPOINT);

    private final Path dir;
    private final Settings settings;
    private final ClassLoader plugins;

    public SampleCommand(Path dir, Map<String, String> values, ClassLoader plugins) {
        ConfigValidator.check(values, ConfigValidator.declared(GROUP));
        this.dir = dir;
        this.settings = Settings.of(values, List.of(GROUP));
        this.plugins = plugins;
    }

    /** Writes the samples and returns them, {@code [n, d]}. */
    public INDArray execute() throws IOException {
        Path out = Path.of(settings.get(OUT));
        PointFiles.requireNotRunFile(dir, out, OUT.key());
        TrainedRun run = TrainedRun.open(dir, settings.get(CHECKPOINT), plugins);
        Law source = run.components().problem().laws().source();
        int d = Math.max(source.dimension(), run.components().problem().laws().data().dimension());
        InferenceMemory.check(d, settings.get(N), N.key());
        INDArray samples = run.components().generator().infer(source.sample(settings.get(N),
                new Seed(run.components().run().seed()).stream("sample")).points());
        try (RunLock lock = RunLock.ifInside(dir, out, "wasserflow sample " + dir)) {
            PointFiles.write(out, samples);
        }
        LOG.info("{} samples from {} written to {}", samples.rows(), run.checkpoint().path(), out);
        return samples;
    }
}
