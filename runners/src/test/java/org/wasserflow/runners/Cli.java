package org.wasserflow.runners;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The command line run in this JVM, as the tests drive it: exit status and what it printed. */
final class Cli {

    /**
     * What a command line did.
     *
     * @param status the exit status
     * @param out what it printed to standard output
     * @param err what it printed to standard error
     */
    record Result(int status, String out, String err) { }

    private Cli() {
    }

    /** Runs {@code args} through {@link Main#run(String[], PrintStream, PrintStream)}. */
    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Whether {@code dir} holds nothing: a command stopped before writing. */
    static boolean isEmpty(Path dir) {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
