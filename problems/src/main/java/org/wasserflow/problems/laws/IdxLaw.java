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
import org.wasserflow.problems.readers.IdxReader;
import org.wasserflow.problems.readers.Table;

/**
 * Images in the IDX format of MNIST (read by {@link IdxReader}), one row per image of grey values in [-1, 1]:
 * {@code rows * cols} columns at the native size ({@code side=0}) or {@code side * side} after area averaging
 * ({@code side=16}: the 16x16 MNIST compared with USPS); labelled when a label file is given. Provenance:
 * {@code law.path} and {@code law.sha256} of the image file, {@code law.labels_path} and
 * {@code law.labels_sha256} when labelled, {@code law.side}, {@code law.rows}, {@code law.columns}.
 */
public final class IdxLaw extends FileLaw {

    /** The name this law is registered under. */
    public static final String NAME = "idx";

    public static final Setting<String> IMAGES = Setting.text("law.images", "")
            .describe("the IDX image file (magic 0x803, e.g. train-images-idx3-ubyte.gz), gzipped or not");
    public static final Setting<String> LABELS = Setting.text("law.labels", "")
            .describe("the IDX label file (magic 0x801), gzipped or not; empty for unlabelled images");
    public static final Setting<Integer> SIDE = Setting.integer("law.side", 0).atLeast(0)
            .describe("resize each image to side x side by area averaging; 0 keeps the native size");
    /** Its keys, under the role's prefix ({@code data.images}). */
    public static final SettingGroup GROUP = SettingGroup.of(Law.PREFIX, "IDX (MNIST) image files", IMAGES, LABELS, SIDE);

    @Inject
    public IdxLaw(Settings settings) {
        super(read(settings));
    }

    /** The images' side: {@code law.side}, or the native side of square images; empty for non-square native images. */
    @Override
    public OptionalInt imageSide() {
        return squareSide(dimension());
    }

    private static Contents read(Settings settings) {
        String key = settings.keyOf(IMAGES);
        Path images = DataFiles.require(settings.get(IMAGES), key, "an IDX image file (magic 0x803)");
        Table table = IdxReader.images(images, key, settings.get(SIDE));
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put(Law.PREFIX + ".path", images.toString());
        provenance.put(Law.PREFIX + ".sha256", DataFiles.sha256(images, key));
        if (!settings.get(LABELS).isEmpty()) {
            String labelKey = settings.keyOf(LABELS);
            Path labels = DataFiles.require(settings.get(LABELS), labelKey, "an IDX label file (magic 0x801)");
            table = table.withLabels(IdxReader.labels(labels, labelKey, table.rows(), images));
            provenance.put(Law.PREFIX + ".labels_path", labels.toString());
            provenance.put(Law.PREFIX + ".labels_sha256", DataFiles.sha256(labels, labelKey));
        }
        provenance.put(Law.PREFIX + ".side", String.valueOf(settings.get(SIDE)));
        return new Contents(table, provenance);
    }
}
