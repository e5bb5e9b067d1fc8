package dev.dbx.app;

import dev.dbx.core.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What dbx prints, a line at a time through {@link Secrets#redact} before it reaches the terminal: whatever path a
 * message takes (a command, picocli's own errors, a driver's text quoted in an error), no known secret and no URI
 * password gets through. A line may be cut to a length, for streams that echo input (a 10 MB CSV header must not
 * flood the terminal).
 */
final class RedactedOutput extends OutputStream {
    private final PrintStream target;
    private final int maxLine;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    private RedactedOutput(PrintStream target, int maxLine) {
        this.target = target;
        this.maxLine = maxLine;
    }

    /** {@code target} behind redaction; lines longer than {@code maxLine} characters are cut (0: never). */
    static PrintStream of(PrintStream target, int maxLine) {
        return new PrintStream(new RedactedOutput(target, maxLine), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        line.write(b);
        if (b == '\n') {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int off, int len) {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (bytes[i] == '\n') {
                line.write(bytes, start, i + 1 - start);
                emit();
                start = i + 1;
            }
        }
        line.write(bytes, start, off + len - start);
    }

    /** A flush shows a partial line too (a progress bar redrawn in place with '\r'). */
    @Override
    public synchronized void flush() {
        emit();
        target.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
    }

    private void emit() {
        if (line.size() == 0) {
            return;
        }
        String text = Secrets.redact(line.toString(StandardCharsets.UTF_8));
        line.reset();
        target.print(cut(text));
    }

    private String cut(String text) {
        if (maxLine <= 0 || text.length() <= maxLine + 1) {
            return text;
        }
        boolean newline = text.endsWith("\n");
        String body = newline ? text.substring(0, text.length() - 1) : text;
        if (body.length() <= maxLine) {
            return text;
        }
        return body.substring(0, maxLine) + "… (" + (body.length() - maxLine) + " more characters cut)"
                + (newline ? "\n" : "");
    }
}
