package org.wasserflow.runners;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wasserflow.api.Seed;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;
import org.wasserflow.flow.config.ConfigValidator;

/**
 * The {@code sample} command: {@code wasserflow sample <run-dir> n=10000 out=samples.npy [checkpoint=400]}
 * draws {@code n} fresh source points (from the stream {@code sample} of the run's seed) and writes the
 * generator's images of them, from the newest checkpoint or a chosen one, as {@code .npy} (float32) or
 * {@code .csv}.
 */
public final class SampleCommand {

    private static final Logger LOG = LoggerFactory.getLogger(SampleCommand.class);

    public static final Setting<Integer> N = Setting.integer("n", 10_000).atLeast(1).describe("how many points to generate");
    public static final Setting<String> OUT = PointFiles.output("samples.npy");
    public static final Setting<String> CHECKPOINT = Setting.text("checkpoint", "")
            .describe("the checkpoint: its iteration or directory name; empty for the newest");
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
        TrainedRun run = TrainedRun.open(dir, settings.get(CHECKPOINT), plugins);
        INDArray source = run.components().problem().laws().source()
                .sample(settings.get(N), new Seed(run.components().run().seed()).stream("sample")).points();
        INDArray samples = run.components().generator().infer(source);
        Path out = Path.of(settings.get(OUT));
        PointFiles.write(out, samples);
        LOG.info("{} samples from {} written to {}", samples.rows(), run.checkpoint().path(), out);
        return samples;
    }
}
