package org.wasserflow.problems.laws;

import com.google.inject.Inject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.wasserflow.api.Law;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;
import org.wasserflow.problems.readers.DataFiles;
import org.wasserflow.problems.readers.EslReader;
import org.wasserflow.problems.readers.Table;

/**
 * Labelled rows in the ESL digits format (read by {@link EslReader}; USPS's {@code zip.train.gz}: a label then
 * 256 grey values in [-1, 1] per line), any number of values per line, gzipped or not. Provenance:
 * {@code law.path}, {@code law.sha256}, {@code law.rows}, {@code law.columns}.
 */
public final class EslDigitsLaw extends FileLaw {

    /** The name this law is registered under. */
    public static final String NAME = "esl-digits";

    public static final Setting<String> PATH = Setting.text("law.path", "")
            .describe("the ESL file (e.g. zip.train.gz): per line a label then the values, gzipped or not");
    /** Its keys, under the role's prefix ({@code data.path}). */
    public static final SettingGroup GROUP = SettingGroup.of(Law.PREFIX, "ESL digits file (USPS)", PATH);

    @Inject
    public EslDigitsLaw(Settings settings) {
        super(read(settings));
    }

    /** The images' side, 16 for USPS; empty for a file whose rows are not square images. */
    @Override
    public OptionalInt imageSide() {
        return squareSide(dimension());
    }

    private static Contents read(Settings settings) {
        String key = settings.keyOf(PATH);
        Path file = DataFiles.require(settings.get(PATH), key, "an ESL digits file such as zip.train.gz");
        Table table = EslReader.read(file, key);
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put(Law.PREFIX + ".path", file.toString());
        provenance.put(Law.PREFIX + ".sha256", DataFiles.sha256(file, key));
        return new Contents(table, provenance);
    }
}
