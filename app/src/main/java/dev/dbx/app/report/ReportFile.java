package dev.dbx.app.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a report whole or not at all: a reader (or a browser reloading it) never sees half a page. */
final class ReportFile {
    private ReportFile() {}

    /** Writes {@code text} to {@code out} through a temporary file beside it (owner-only, as it is created). */
    static void write(Path out, String text) throws IOException {
        Path target = out.toAbsolutePath();
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
