package dev.dbx.engine;

import dev.dbx.core.DbxException;
import dev.dbx.core.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The lab's secret: one random password per data directory, in {@code <data-dir>/secret} (mode 0600, in a 0700
 * directory), made by the first {@code dbx up}. Every local engine that can ask for a password asks for this one, and
 * dbx's stores and tests connect with it; anyone else on the machine, who cannot read the file, is refused. It is
 * registered with {@link Secrets} as soon as it is read, so no output or log can show it.
 */
public final class LabSecret {
    /** The file's name in the data directory. */
    public static final String FILE = "secret";
    /** The user every engine knows dbx by (where the engine has users). */
    public static final String USER = "dbx";

    /** 24 random bytes, base64url without padding: 32 characters a URI holds as they are. */
    private static final int BYTES = 24;

    private LabSecret() {}

    public static Path path(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve(FILE);
    }

    /** The lab's secret, made now (atomically, owner-only) when the data directory has none yet. */
    public static String ensure(Path dataDir) {
        Optional<String> existing = read(dataDir);
        if (existing.isPresent()) {
            return existing.get();
        }
        Path file = path(dataDir);
        try {
            PrivateFiles.directory(file.getParent());
            byte[] random = new byte[BYTES];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path tmp = Files.createTempFile(file.getParent(), ".secret", ".tmp");
            PrivateFiles.file(tmp);
            Files.writeString(tmp, secret + "\n", StandardCharsets.UTF_8);
            try {
                // a hard link is made whole or not at all, and never over an existing file: when two dbx runs make
                // a secret at once, the first one's wins and both read it back
                Files.createLink(file, tmp);
            } catch (java.nio.file.FileAlreadyExistsException lost) {
                // the other one's is there
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new DbxException(
                    "the data directory is not writable: cannot create the lab's secret in " + file + " ("
                            + e.getMessage() + ")",
                    "choose another with --data-dir <dir> (or DBX_DATA_DIR, or dataDir in dbx.yaml)");
        }
        return read(dataDir).orElseThrow(() -> new DbxException("the lab's secret in " + file + " is empty"));
    }

    /** The lab's secret when the data directory has one (registered for redaction). */
    public static Optional<String> read(Path dataDir) {
        Path file = path(dataDir);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (secret.isEmpty()) {
                return Optional.empty();
            }
            Secrets.register(secret);
            return Optional.of(secret);
        } catch (IOException e) {
            throw new DbxException(
                    "cannot read the lab's secret " + file + ": " + e.getMessage(),
                    "it must be readable by the user running dbx (it is created owner-only)");
        }
    }
}
