package org.wasserflow.runners.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Settings;

/**
 * The USPS to MNIST experiment, read from the {@code usps_mnist.*} keys.
 *
 * @param dataDir {@code usps_mnist.data_dir}: holds {@code usps/zip.train.gz} and {@code mnist/*-idx?-ubyte[.gz]},
 *     default {@code ../shared/data} (relative to the working directory)
 * @param evalSize {@code usps_mnist.eval_size}: MNIST test images the accuracy is measured on, default 10000 (all)
 * @param exactOtBaseline {@code usps_mnist.exact_ot_baseline}: also report the exact-OT-map baseline, computed
 *     once per run by an assignment between USPS train and as many MNIST train images, default true
 */
public record UspsMnistConfig(Path dataDir, int evalSize, boolean exactOtBaseline) {

    /** The key errors about the data name. */
    static final String DATA_KEY = "usps_mnist.data_dir";

    public UspsMnistConfig {
        ConfigException.require(Files.isDirectory(dataDir), DATA_KEY, dataDir, "a directory holding usps/ and mnist/");
        ConfigException.require(evalSize >= 1, "usps_mnist.eval_size", evalSize, "an integer >= 1");
    }

    /** Reads and validates the {@code usps_mnist.*} keys. */
    public static UspsMnistConfig from(Settings s) {
        return new UspsMnistConfig(Path.of(s.getString(DATA_KEY, "../shared/data")), s.getInt("usps_mnist.eval_size", 10_000),
                s.getBoolean("usps_mnist.exact_ot_baseline", true));
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
