package dev.dbx.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import dev.dbx.core.Secrets;
import dev.dbx.engine.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Where driver and dbx logs go: {@code <dataDir>/dbx.log}, so the terminal shows only what dbx has to say. Every run
 * appends to it (the stack trace an error message points to is still there after the next command), it rotates at
 * {@value #MAX_SIZE} into {@code dbx.log.1} to {@code .3}, it is owner-only, and every line — stack traces included —
 * passes through {@link Secrets#redact} before it is written.
 */
final class Logging {
    private static final String MAX_SIZE = "5MB";
    private static final int KEEP = 3;

    private static Path file;

    private Logging() {}

    /** Sends logs to {@code dataDir}'s log (again, when a later run in this JVM names another data directory). */
    static synchronized void init(Path dataDir) {
        Path log = dataDir.toAbsolutePath().normalize().resolve("dbx.log");
        if (log.equals(file)) {
            return;
        }
        try {
            PrivateFiles.directory(dataDir);
            PrivateFiles.createFile(log);
        } catch (IOException e) {
            // an unwritable data directory is reported by the command that needs it; nothing is logged meanwhile
            return;
        }
        file = log;
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

        RedactingLayout layout = new RedactingLayout();
        layout.setContext(context);
        layout.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSZ} [%thread] %level %logger - %msg%n%ex");
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();

        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("dbx.log");
        appender.setFile(log.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(log + ".%i");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(KEEP);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf(MAX_SIZE));
        trigger.start();
        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.addAppender(appender);
        root.setLevel(Level.WARN);
    }

    static String file() {
        return file == null ? "the log" : file.toString();
    }

    static void error(String message, Throwable e) {
        LoggerFactory.getLogger("dbx").error(message, e);
    }

    /** The usual pattern, then every known secret and URI password masked (messages and stack traces alike). */
    static final class RedactingLayout extends PatternLayout {
        @Override
        public String doLayout(ILoggingEvent event) {
            return Secrets.redact(super.doLayout(event));
        }
    }
}
