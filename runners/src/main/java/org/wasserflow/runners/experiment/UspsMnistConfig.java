package org.wasserflow.runners.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;

/**
 * The USPS to MNIST experiment, read from the {@code usps_mnist.*} keys ({@link #GROUP}).
 *
 * @param dataDir holds {@code usps/zip.train.gz} and {@code mnist/*-idx?-ubyte[.gz]}; must exist
 * @param evalSize MNIST test images the accuracy is measured on
 * @param exactOtBaseline whether the exact-OT-map baseline is reported
 */
public record UspsMnistConfig(Path dataDir, int evalSize, boolean exactOtBaseline) {

    public static final Setting<String> DATA_DIR = Setting.text("usps_mnist.data_dir", "../shared/data")
            .describe("directory holding usps/zip.train.gz and mnist/*-idx?-ubyte[.gz], relative to the working directory");
    public static final Setting<Integer> EVAL_SIZE = Setting.integer("usps_mnist.eval_size", 10_000).atLeast(1)
            .describe("MNIST test images the 1-NN accuracy is measured on (at most all 10000)");
    public static final Setting<Boolean> EXACT_OT_BASELINE = Setting.flag("usps_mnist.exact_ot_baseline", true)
            .describe("also report the exact-OT-map baseline, computed once per run by an assignment USPS train -> MNIST train");

    /** The {@code usps_mnist.*} keys. */
    public static final SettingGroup GROUP = SettingGroup.of("usps_mnist", "USPS to MNIST domain adaptation", DATA_DIR, EVAL_SIZE,
            EXACT_OT_BASELINE);

    /** The key errors about the data name. */
    static final String DATA_KEY = DATA_DIR.key();

    public UspsMnistConfig {
        ConfigException.require(Files.isDirectory(dataDir), DATA_KEY, dataDir, "a directory holding usps/ and mnist/");
    }

    /** Reads the {@code usps_mnist.*} keys; the data directory must exist. */
    public static UspsMnistConfig from(Settings s) {
        return new UspsMnistConfig(Path.of(s.get(DATA_DIR)), s.get(EVAL_SIZE), s.get(EXACT_OT_BASELINE));
    }

    /** {@code usps/<name>}. */
    Path usps(String name) {
        return dataDir.resolve("usps").resolve(name);
    }

    /** {@code mnist/<name>.gz} if present, else {@code mnist/<name>}. */
    Path mnist(String name) {
        Path gz = dataDir.resolve("mnist").resolve(name + ".gz");
        return Files.isRegularFile(gz) ? gz : dataDir.resolve("mnist").resolve(name);
    }
}
