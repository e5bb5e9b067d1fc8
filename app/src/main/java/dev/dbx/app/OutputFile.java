package dev.dbx.app;

import dev.dbx.core.DbxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file the user names with {@code --out}: an existing one is never overwritten unless {@code --force} says so (and
 * the check is made again as the file is created, so a file that appears meanwhile is not overwritten either); a
 * missing directory is not made, and each refusal says what to do.
 */
final class OutputFile {
    private OutputFile() {}

    /** Refuses at once what writing would refuse later, before any work is done: a directory, or an existing file. */
    static void check(Path out, boolean force) {
        if (Files.isDirectory(out)) {
            throw new DbxException(out + " is a directory", "--out names the file to write");
        }
        if (Files.exists(out) && !force) {
            throw exists(out);
        }
    }

    /** Writes the text (UTF-8) and returns how many bytes it took. */
    static long write(Path out, boolean force, String text) {
        check(out, force);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            if (force) {
                Files.write(out, bytes);
            } else {
                Files.write(out, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
        } catch (FileAlreadyExistsException e) {
            throw exists(out);
        } catch (NoSuchFileException e) {
            throw new DbxException(
                    "cannot write " + out + ": its directory does not exist",
                    "create it first, or choose another --out");
        } catch (IOException e) {
            throw new DbxException("cannot write " + out + ": " + e.getMessage());
        }
        return bytes.length;
    }

    private static DbxException exists(Path out) {
        return new DbxException(out + " exists: not overwritten", "--force overwrites it");
    }
}
