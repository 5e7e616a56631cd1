package org.wasserflow.runners.ablate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a run's log, to show why it failed. */
final class LogTail {

    private LogTail() {
    }

    /** The last {@code n} non-blank lines of {@code log} (UTF-8, a malformed byte shown as U+FFFD), or none if it does not exist. */
    static List<String> read(Path log, int n) {
        try {
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
            return lines.subList(Math.max(0, lines.size() - n), lines.size());
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
