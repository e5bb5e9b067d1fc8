package dev.dbx.store.redis;

import io.lettuce.core.RedisException;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.Map;

/**
 * When a write is on disk, as the server's own settings say: {@code CONFIG GET appendonly} and {@code appendfsync}
 * (and {@code save} without an append-only file). A server that refuses CONFIG (managed services rename or disable
 * it) is reported as such, with what {@code INFO persistence} still tells.
 */
final class RedisDurability {
    private RedisDurability() {}

    static String ask(RedisCommands<String, String> redis) {
        String appendonly;
        String appendfsync;
        String save;
        try {
            appendonly = setting(redis, "appendonly");
            appendfsync = setting(redis, "appendfsync");
            save = setting(redis, "save");
        } catch (RedisException e) {
            String aof;
            try {
                aof = ServerInfo.parse(redis.info("persistence")).getOrDefault("aof_enabled", "?");
            } catch (RedisException info) {
                aof = "? (INFO refused too)";
            }
            return "unknown: the server refused CONFIG GET ("
                    + RedisErrors.failed("CONFIG GET", e).getMessage()
                    + "; a managed server?); INFO persistence says aof_enabled=" + aof;
        }
        return describe(appendonly, appendfsync, save);
    }

    /** The settings and what they mean for a write that was answered. */
    static String describe(String appendonly, String appendfsync, String save) {
        if ("yes".equals(appendonly)) {
            String meaning = switch (appendfsync) {
                case "always" -> "every write is fsynced to the append-only file before it is answered";
                case "everysec" -> "the append-only file is fsynced once a second: a crash loses up to ~1 s";
                case "no" -> "the append-only file is written, and the OS decides when it reaches the disk";
                default -> "appendfsync not known to dbx";
            };
            return "appendonly=yes, appendfsync=" + appendfsync + " (" + meaning + ")";
        }
        if (save == null || save.isBlank()) {
            return "appendonly=no, save=\"\" (no persistence: a restart loses every write)";
        }
        return "appendonly=no, save=\"" + save + "\" (RDB snapshots only: a crash loses the writes since the last one)";
    }

    private static String setting(RedisCommands<String, String> redis, String name) {
        Map<String, String> answer = redis.configGet(name);
        return answer.get(name);
    }
}
