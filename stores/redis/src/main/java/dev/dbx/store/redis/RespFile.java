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
import java.util.List;

/** Commands written in the Redis protocol (RESP) to a file, for {@code redis-cli --pipe}. */
final class RespFile implements CommandSink {
    private final Path file;
    private final OutputStream out;
    private final Resp resp = new Resp();
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
        resp.zadd(key.getBytes(StandardCharsets.UTF_8), members);
        write();
    }

    @Override
    public void hset(String key, String[] fields, String[] values) {
        resp.hset(key.getBytes(StandardCharsets.UTF_8), fields, values);
        write();
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

    private void write() {
        try {
            resp.writeTo(out);
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
