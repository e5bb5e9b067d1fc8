package dev.dbx.store.redis;

import dev.dbx.core.DbxException;
import dev.dbx.core.store.ServerIdentity;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads who answered from {@code INFO server}: Redis, or a fork that says its own name (Valkey does). */
final class ServerInfo {
    private ServerInfo() {}

    static ServerIdentity identity(String infoServer) {
        Map<String, String> info = parse(infoServer);
        // Valkey also reports a redis_version (the Redis version it is compatible with): its own name comes first
        String valkey = info.get("valkey_version");
        if (valkey != null) {
            return new ServerIdentity("Valkey", valkey);
        }
        String version = info.get("redis_version");
        if (version == null || version.isBlank()) {
            throw new DbxException("redis: INFO server did not report redis_version", "is this a Redis server?");
        }
        return new ServerIdentity("Redis", version);
    }

    static Map<String, String> parse(String info) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : info.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                fields.put(
                        line.substring(0, colon).strip(),
                        line.substring(colon + 1).strip());
            }
        }
        return fields;
    }
}
