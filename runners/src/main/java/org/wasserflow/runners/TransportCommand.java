package org.wasserflow.runners;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Law;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.PluginKind;
import org.wasserflow.api.Seed;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;
import org.wasserflow.flow.InferenceMemory;
import org.wasserflow.flow.config.ConfigValidator;
import org.wasserflow.flow.plugin.PluginRegistry;

/**
 * The {@code transport} command: {@code wasserflow transport <run-dir> in=points.npy out=moved.npy
 * [checkpoint=400]} pushes the given source points (a {@code .npy} array or a {@code .csv} file, read by the
 * {@code npy} or {@code csv} law, so their checks apply) through the generator of a checkpoint and writes the
 * images, row i from row i. An {@code out} that is one of the run's own files is refused before anything is written.
 */
public final class TransportCommand {

    private static final Logger LOG = LoggerFactory.getLogger(TransportCommand.class);

    public static final Setting<String> IN = Setting.text("in", "")
            .constrain(v -> v.isEmpty() || v.endsWith(".npy") || v.endsWith(".csv"), "a .npy or .csv file of source points, one per row")
            .describe("the source points to transport");
    public static final Setting<String> OUT = PointFiles.output("moved.npy");
    /** The command's keys. */
    public static final SettingGroup GROUP = SettingGroup.of("", "wasserflow transport <run-dir>", IN, OUT, SampleCommand.CHECKPOINT);

    private final Path dir;
    private final Settings settings;
    private final ClassLoader plugins;

    public TransportCommand(Path dir, Map<String, String> values, ClassLoader plugins) {
        ConfigValidator.check(values, ConfigValidator.declared(GROUP));
        this.dir = dir;
        this.settings = Settings.of(values, List.of(GROUP));
        this.plugins = plugins;
    }

    /** Writes the transported points and returns them. */
    public INDArray execute() throws IOException {
        Path out = Path.of(settings.get(OUT));
        PointFiles.requireNotRunFile(dir, out, OUT.key());
        TrainedRun run = TrainedRun.open(dir, settings.get(SampleCommand.CHECKPOINT), plugins);
        String in = settings.get(IN);
        ConfigException.require(!in.isEmpty(), "in", in, "a .npy or .csv file of source points, one per row");
        Plugin reader = run.components().plan().catalogue().select(PluginKind.LAW, in.endsWith(".npy") ? "npy" : "csv", null, "in").plugin();
        Law law = PluginRegistry.wire(run.components().plan().sources(), new Seed(run.components().run().seed())).create(PluginKind.LAW,
                reader, Settings.rebased(Map.of("in.path", in), reader.settings(), Law.PREFIX, "in"), null);
        int d = run.components().problem().laws().source().dimension();
        ConfigException.require(law.dimension() == d, "in", in, "points of the source's dimension " + d + ", not " + law.dimension());
        InferenceMemory.check(Math.max(d, run.components().problem().laws().data().dimension()),
                law.size().orElse(0), IN.key());
        INDArray points = law.rows(IntStream.range(0, law.size().orElse(0)).toArray()).points();
        INDArray moved = run.components().generator().infer(points);
        try (RunLock lock = RunLock.ifInside(dir, out, "wasserflow transport " + dir)) {
            PointFiles.write(out, moved);
        }
        LOG.info("{} points transported by {} written to {}", moved.rows(), run.checkpoint().path(), out);
        return moved;
    }
}
