package org.wasserflow.flow.checkpoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * NumPy's {@code .npz} format: a zip archive with one {@code <name>.npy} entry per array, readable by
 * {@code numpy.load}. Arrays are written in C order with their own data type.
 */
final class Npz {

    private Npz() {
    }

    /** Writes {@code arrays} to {@code file}, in the map's order. */
    static void write(Path file, Map<String, INDArray> arrays) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
                if (e.getValue().isEmpty()) {
                    throw new IllegalArgumentException("array '" + e.getKey() + "' is empty; leave it out of the checkpoint instead");
                }
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                zip.write(Nd4j.toNpyByteArray(e.getValue().dup('c')));
                zip.closeEntry();
            }
        }
    }

    /** Reads every array of {@code file}, by name without the {@code .npy} suffix. */
    static Map<String, INDArray> read(Path file) throws IOException {
        Map<String, INDArray> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.getName().endsWith(".npy")) {
                    throw new IOException("entry " + e.getName() + " is not an .npy array");
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                zip.transferTo(bytes);
                out.put(e.getName().substring(0, e.getName().length() - 4), Nd4j.createNpyFromByteArray(bytes.toByteArray()).dup());
            }
        }
        return out;
    }
}
