package dev.dbx.store.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import redis.clients.jedis.Connection;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script kept as a resource file under {@code scripts/}, run by its SHA-1 (EVALSHA) so only the digest travels
 * per call, and sent in full (EVAL, which also caches it) only when the server does not know it yet. Keys and values
 * are always passed as KEYS and ARGV, never spliced into the script.
 */
final class LuaScript {
    private final byte[] source;
    private final byte[] sha1;

    private LuaScript(byte[] source) {
        this.source = source;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(source);
            this.sha1 = HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    static LuaScript load(String name) {
        String resource = "scripts/" + name;
        try (InputStream in = LuaScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new LuaScript(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The script's text, for a client that loads it itself (SCRIPT LOAD). */
    String text() {
        return new String(source, StandardCharsets.UTF_8);
    }

    /** The SHA-1 digest EVALSHA names the script by. */
    String digest() {
        return new String(sha1, StandardCharsets.US_ASCII);
    }

    /**
     * Runs the script and returns its integer reply. {@code args} is the whole command after its name: slot 0 is this
     * method's (the digest, or the source when the server does not know the script), then the number of keys, the
     * keys and the arguments.
     */
    long run(Connection connection, byte[][] args) {
        args[0] = sha1;
        connection.sendCommand(Protocol.Command.EVALSHA, args);
        try {
            return connection.getIntegerReply();
        } catch (JedisNoScriptException e) {
            args[0] = source;
            try {
                connection.sendCommand(Protocol.Command.EVAL, args);
                return connection.getIntegerReply();
            } finally {
                args[0] = sha1;
            }
        }
    }
}
