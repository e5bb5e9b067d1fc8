package dev.dbx.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.api.sync.RedisCommands;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The durability a Redis store reports, from settings as a server answers CONFIG GET. No server needed: the lab's
 * Redis denies CONFIG SET to dbx's user, so a changed setting is played here by a stand-in for the server.
 */
class RedisDurabilityTest {
    private final Map<String, String> settings =
            new HashMap<>(Map.of("appendonly", "yes", "appendfsync", "everysec", "save", ""));
    private boolean refuseConfig;

    /** A stand-in for the server: CONFIG GET answers from {@link #settings}, INFO persistence says the AOF is on. */
    @SuppressWarnings("unchecked")
    private RedisCommands<String, String> server() {
        return (RedisCommands<String, String>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {RedisCommands.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "configGet" -> {
                            if (refuseConfig) {
                                throw new RedisCommandExecutionException(
                                        "NOPERM this user has no permissions to run the 'config|get' command");
                            }
                            String name = args[0] instanceof String[] names ? names[0] : (String) args[0];
                            Map<String, String> answer = new HashMap<>();
                            answer.put(name, settings.get(name));
                            return answer;
                        }
                        case "info" -> {
                            return "# Persistence\r\naof_enabled:1\r\n";
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    @Test
    void theSettingsAreAskedEveryTimeNotRemembered() {
        RedisCommands<String, String> server = server();
        assertThat(RedisDurability.ask(server)).startsWith("appendonly=yes, appendfsync=everysec");

        settings.put("appendfsync", "always");
        assertThat(RedisDurability.ask(server)).contains("appendfsync=always").contains("before it is answered");

        settings.put("appendonly", "no");
        assertThat(RedisDurability.ask(server)).contains("no persistence");
    }

    @Test
    void aServerThatRefusesConfigIsSaidToAndInfoStillTells() {
        refuseConfig = true;
        assertThat(RedisDurability.ask(server()))
                .startsWith("unknown: the server refused CONFIG GET")
                .contains("NOPERM")
                .contains("aof_enabled=1");
    }
}
