package org.wasserflow.problems.readers;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.ConfigException;

/**
 * NumPy {@code .npy} files, read by ND4J ({@link Nd4j#createFromNpyFile}) after this class has checked the
 * header itself: ND4J's native reader aborts the JVM on a big-endian file, reads a Fortran-ordered array as if
 * it were C-ordered and reads past the end of a truncated file, so the magic string, the format version, the
 * data type, the byte order, the shape (no negative dimension) and the file's length (exactly the data the
 * shape needs) are verified first and a Fortran-ordered array is transposed back. Only little-endian (or single-byte) numbers are accepted.
 */
public final class NpyReader {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-zA-Z])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /**
     * A checked header.
     *
     * @param kind the NumPy type kind: {@code f} float, {@code i} signed, {@code u} unsigned integer, ...
     * @param bytes bytes per element
     * @param shape the array's shape
     * @param fortran whether the data are stored column-major
     */
    public record Header(char kind, int bytes, long[] shape, boolean fortran) {

        /** The data type as NumPy writes it, e.g. {@code float32}. */
        public String typeName() {
            return switch (kind) {
                case 'f' -> "float" + 8 * bytes;
                case 'i' -> "int" + 8 * bytes;
                case 'u' -> "uint" + 8 * bytes;
                case 'b' -> "bool";
                default -> "'" + kind + bytes + "'";
            };
        }
    }

    private NpyReader() {
    }

    /**
     * Reads a {@code .npy} file (absolute, checked by {@link DataFiles#require}) whose type kind is one of
     * {@code kinds} (e.g. {@code "f"} for float data, {@code "iuf"} for labels), as a C-ordered array of the
     * file's type and shape.
     *
     * @param what what the array should be, for messages, e.g. {@code "a 2-D float32 or float64 array"}
     * @throws ConfigException naming {@code key} and the file: not a .npy file, an unsupported type or byte
     *     order, a negative dimension, or a file shorter or longer than its header says
     */
    public static INDArray read(Path file, String key, String kinds, String what) {
        Header h = header(file, key, what);
        if (kinds.indexOf(h.kind()) < 0 || !supported(h)) {
            throw DataFiles.bad(key, file, "", "data type " + h.typeName() + " (expected " + what + ")");
        }
        INDArray a;
        try {
            a = Nd4j.createFromNpyFile(file.toFile());
        } catch (RuntimeException e) {
            throw DataFiles.bad(key, file, "", "ND4J cannot read it: " + e.getMessage());
        }
        if (h.fortran()) {
            long[] reversed = h.shape().clone();
            for (int k = 0; k < reversed.length / 2; k++) {
                long t = reversed[k];
                reversed[k] = reversed[reversed.length - 1 - k];
                reversed[reversed.length - 1 - k] = t;
            }
            a = a.reshape('c', reversed).permute(reverseAxes(reversed.length)).dup('c');
        }
        return a.reshape('c', h.shape());
    }

    /** Reads and checks the header of {@code file}, including that the file holds all the data it announces. */
    public static Header header(Path file, String key, String what) {
        String text;
        long dataStart;
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw DataFiles.bad(key, file, "", "not a .npy file (no \\x93NUMPY magic string; expected " + what + ")");
            }
            int major = in.readUnsignedByte();
            in.readUnsignedByte();
            long length;
            if (major == 1) {
                length = in.readUnsignedByte() | (in.readUnsignedByte() << 8);
                dataStart = 10 + length;
            } else if (major == 2 || major == 3) {
                length = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
                dataStart = 12 + length;
            } else {
                throw DataFiles.bad(key, file, "header", "unknown .npy format version " + major);
            }
            if (length > 1 << 20) {
                throw DataFiles.bad(key, file, "header", "header of " + length + " bytes is not a .npy header");
            }
            byte[] dict = new byte[(int) length];
            in.readFully(dict);
            text = new String(dict, StandardCharsets.ISO_8859_1);
        } catch (EOFException e) {
            throw DataFiles.bad(key, file, "header", "truncated before the end of the .npy header");
        } catch (IOException e) {
            throw DataFiles.unreadable(key, file, e);
        }
        Matcher descr = DESCR.matcher(text);
        Matcher shape = SHAPE.matcher(text);
        Matcher fortran = FORTRAN.matcher(text);
        if (!descr.find() || !shape.find() || !fortran.find()) {
            throw DataFiles.bad(key, file, "header", "not a .npy header of a plain array: " + text.strip());
        }
        int bytes = Integer.parseInt(descr.group(3));
        char order = descr.group(1).charAt(0);
        if (order == '>' && bytes > 1) {
            throw DataFiles.bad(key, file, "header", "big-endian data ('" + descr.group(1) + descr.group(2) + bytes
                    + "'); save it little-endian, e.g. with numpy's astype('<f4')");
        }
        long[] dims;
        try {
            dims = Arrays.stream(shape.group(1).split(",")).map(String::strip).filter(v -> !v.isEmpty())
                    .map(v -> v.endsWith("L") ? v.substring(0, v.length() - 1) : v).mapToLong(Long::parseLong).toArray();
        } catch (NumberFormatException e) {
            throw DataFiles.bad(key, file, "header", "shape (" + shape.group(1).strip() + ") is not a tuple of integers");
        }
        Header h = new Header(descr.group(2).charAt(0), bytes, dims, fortran.group(1).equals("True"));
        if (Arrays.stream(dims).anyMatch(n -> n < 0)) {
            throw DataFiles.bad(key, file, "header", "shape (" + shape.group(1).strip() + ") has a negative dimension; the header is"
                    + " damaged: write the array again with numpy.save");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw DataFiles.unreadable(key, file, e);
        }
        long held = Math.max(0, size - dataStart);
        long needed;
        try {
            needed = Math.multiplyExact(Arrays.stream(dims).reduce(1, Math::multiplyExact), (long) bytes);
        } catch (ArithmeticException e) {
            needed = Long.MAX_VALUE;
        }
        if (needed != held) {
            throw DataFiles.bad(key, file, "", (needed > held ? "truncated" : "longer than its header says") + ": shape "
                    + Arrays.toString(dims) + " of " + h.typeName() + " needs " + (needed == Long.MAX_VALUE ? "more than 2^63" : needed)
                    + " bytes of data, the file holds " + held + (needed > held ? "" : "; the header is damaged: write the array again"
                    + " with numpy.save"));
        }
        return h;
    }

    private static boolean supported(Header h) {
        return switch (h.kind()) {
            case 'f' -> h.bytes() == 2 || h.bytes() == 4 || h.bytes() == 8;
            case 'i' -> h.bytes() == 1 || h.bytes() == 2 || h.bytes() == 4 || h.bytes() == 8;
            case 'u' -> h.bytes() == 1 || h.bytes() == 2;
            default -> false;
        };
    }

    private static int[] reverseAxes(int rank) {
        int[] axes = new int[rank];
        for (int k = 0; k < rank; k++) {
            axes[k] = rank - 1 - k;
        }
        return axes;
    }

    /** {@code a} as a flat C-ordered double array. */
    public static double[] doubles(INDArray a) {
        return a.dup('c').castTo(DataType.DOUBLE).data().asDouble();
    }
}
