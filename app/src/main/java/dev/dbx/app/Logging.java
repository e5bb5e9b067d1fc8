package dev.dbx.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where driver and dbx logs go: {@code <dataDir>/dbx.log}, so the terminal shows only what dbx has to say. Must run
 * before the first logger is created (drivers create theirs lazily, on first use).
 */
final class Logging {
    private static Path file;

    private Logging() {}

    static synchronized void init(Path dataDir) {
        if (file != null) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            file = dataDir.toAbsolutePath().resolve("dbx.log");
            System.setProperty("org.slf4j.simpleLogger.logFile", file.toString());
        } catch (IOException e) {
            // an unwritable data directory is reported by the command that needs it; logs go to stderr meanwhile
            System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        // Initialize now, on one thread: drivers starting loggers from several threads at once make SLF4J print
        // "logging calls during the initialization phase have been intercepted" on the terminal.
        org.slf4j.LoggerFactory.getILoggerFactory();
    }

    static String file() {
        return file == null ? "the log" : file.toString();
    }

    static void error(String message, Throwable e) {
        org.slf4j.LoggerFactory.getLogger("dbx").error(message, e);
    }
}
