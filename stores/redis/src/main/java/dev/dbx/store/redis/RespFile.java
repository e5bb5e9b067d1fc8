package dev.dbx.store.redis;

import dev.dbx.core.DbxException;
import io.lettuce.core.ScoredValue;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Commands written in the Redis protocol (RESP) to a file, for {@code redis-cli --pipe}. */
final class RespFile implements CommandSink {
    private final Path file;
    private final OutputStream out;
    private long commands;

    RespFile(Path file) {
        this.file = file;
        try {
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        } catch (IOException e) {
            throw new DbxException("cannot write " + file + ": " + e.getMessage());
        }
    }

    @Override
    public void zadd(String key, List<ScoredValue<String>> members) {
        List<String> args = new ArrayList<>(2 + 2 * members.size());
        args.add("ZADD");
        args.add(key);
        for (ScoredValue<String> m : members) {
            double score = m.getScore();
            args.add(
                    score == Math.rint(score) && Math.abs(score) < 1e15
                            ? Long.toString((long) score)
                            : Double.toString(score));
            args.add(m.getValue());
        }
        write(args);
    }

    @Override
    public void hset(String key, String[] fields, String[] values) {
        List<String> args = new ArrayList<>(2 + 2 * fields.length);
        args.add("HSET");
        args.add(key);
        for (int i = 0; i < fields.length; i++) {
            if (values[i] != null) {
                args.add(fields[i]);
                args.add(values[i]);
            }
        }
        write(args);
    }

    @Override
    public void endBatch() {}

    @Override
    public void finish() {}

    long commands() {
        return commands;
    }

    Path file() {
        return file;
    }

    private void write(List<String> args) {
        try {
            out.write(("*" + args.size() + "\r\n").getBytes(StandardCharsets.US_ASCII));
            for (String arg : args) {
                byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
                out.write(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.write('\r');
                out.write('\n');
            }
            commands++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
