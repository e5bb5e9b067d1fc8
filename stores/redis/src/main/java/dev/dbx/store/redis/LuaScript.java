package dev.dbx.store.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script kept as a resource file under {@code scripts/}, run by its SHA-1 (EVALSHA) so only the digest travels
 * per call, and sent in full (EVAL, which also caches it) only when the server does not know it yet. Keys and values
 * are always passed as KEYS and ARGV, never spliced into the script.
 */
final class LuaScript {
    private final String source;
    private final String sha1;

    private LuaScript(String source) {
        this.source = source;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
            this.sha1 = HexFormat.of().formatHex(digest);
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
            return new LuaScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Runs the script and returns its integer reply. */
    long run(RedisCommands<String, String> redis, String[] keys, String... args) {
        try {
            Long result = redis.evalsha(sha1, ScriptOutputType.INTEGER, keys, args);
            return result;
        } catch (RedisNoScriptException e) {
            Long result = redis.eval(source, ScriptOutputType.INTEGER, keys, args);
            return result;
        }
    }
}
