package dev.dbx.core.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.dbx.core.DbxException;
import dev.dbx.core.Uris;
import dev.dbx.core.store.StoreProvider;
import dev.dbx.core.store.Stores;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves {@link DbxConfig}. Precedence, highest first: flags ({@link Overrides}), environment ({@code DBX_DATA_DIR},
 * {@code DBX_TIMEOUT}, {@code DBX_STORE_<ID>=uri}, {@code DBX_PORT_<ENGINE>=n}, {@code DBX_POOL_<STORE>=n}), the YAML file,
 * defaults.
 */
public final class ConfigLoader {
    public static final Path DEFAULT_FILE = Path.of("dbx.yaml");
    /** More connections than this is a typo, not a pool (a benchmark's thread count raises it when it needs to). */
    public static final int MAX_POOL_SIZE = 1024;

    /** What the command line said; null or empty means "not given". */
    public record Overrides(
            Path configFile,
            Path dataDir,
            Map<String, String> stores,
            Map<String, Integer> ports,
            Duration timeout,
            Map<String, Integer> pools) {
        public Overrides {
            stores = stores == null ? Map.of() : stores;
            ports = ports == null ? Map.of() : ports;
            pools = pools == null ? Map.of() : pools;
        }

        public Overrides(
                Path configFile,
                Path dataDir,
                Map<String, String> stores,
                Map<String, Integer> ports,
                Duration timeout) {
            this(configFile, dataDir, stores, ports, timeout, Map.of());
        }

        public static Overrides none() {
            return new Overrides(null, null, Map.of(), Map.of(), null, Map.of());
        }
    }

    /** The YAML file's shape. Unknown keys are an error, so a typo never silently does nothing. */
    static final class FileSettings {
        @JsonProperty
        String dataDir;

        @JsonProperty
        String timeout;

        @JsonProperty
        Map<String, String> stores = new LinkedHashMap<>();

        @JsonProperty
        Map<String, EngineSettings> engines = new LinkedHashMap<>();

        @JsonProperty
        Map<String, Integer> pools = new LinkedHashMap<>();
    }

    static final class EngineSettings {
        @JsonProperty
        Integer port;
    }

    private ConfigLoader() {}

    public static DbxConfig load(Overrides flags, Map<String, String> env) {
        FileSettings file = readFile(flags.configFile());

        Path dataDir = DbxConfig.DEFAULT_DATA_DIR;
        if (file.dataDir != null) {
            dataDir = Path.of(file.dataDir);
        }
        if (env.get("DBX_DATA_DIR") != null && !env.get("DBX_DATA_DIR").isBlank()) {
            dataDir = Path.of(env.get("DBX_DATA_DIR"));
        }
        if (flags.dataDir() != null) {
            dataDir = flags.dataDir();
        }

        Duration timeout = DbxConfig.DEFAULT_TIMEOUT;
        if (file.timeout != null) {
            timeout = parseDuration("timeout in dbx.yaml", file.timeout);
        }
        if (env.get("DBX_TIMEOUT") != null) {
            timeout = parseDuration("DBX_TIMEOUT", env.get("DBX_TIMEOUT"));
        }
        if (flags.timeout() != null) {
            timeout = flags.timeout();
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new DbxException(
                    "the timeout must be more than 0, not " + timeout.toMillis() + " ms",
                    "give one like 500ms, 10s or 2m (--timeout, DBX_TIMEOUT or timeout in dbx.yaml)");
        }

        Map<String, URI> stores = new LinkedHashMap<>();
        file.stores.forEach((id, uri) -> putStore(stores, id, uri, "dbx.yaml"));
        env.forEach((key, value) -> {
            if (key.startsWith("DBX_STORE_")) {
                putStore(stores, key.substring("DBX_STORE_".length()), value, key);
            }
        });
        flags.stores().forEach((id, uri) -> putStore(stores, id, uri, "--store"));

        Map<String, Integer> ports = new LinkedHashMap<>();
        file.engines.forEach((engine, settings) -> {
            if (settings != null && settings.port != null) {
                ports.put(engine.toLowerCase(Locale.ROOT), checkPort("engines." + engine + ".port", settings.port));
            }
        });
        env.forEach((key, value) -> {
            if (key.startsWith("DBX_PORT_")) {
                ports.put(key.substring("DBX_PORT_".length()).toLowerCase(Locale.ROOT), parsePort(key, value));
            }
        });
        flags.ports().forEach((engine, port) -> ports.put(engine.toLowerCase(Locale.ROOT), checkPort("--port", port)));

        Map<String, Integer> pools = new LinkedHashMap<>();
        file.pools.forEach((store, size) -> putPool(pools, store, size, "pools." + store + " in dbx.yaml"));
        env.forEach((key, value) -> {
            if (key.startsWith("DBX_POOL_")) {
                putPool(pools, key.substring("DBX_POOL_".length()), parsePool(key, value), key);
            }
        });
        flags.pools().forEach((store, size) -> putPool(pools, store, size, "--pool"));

        return new DbxConfig(dataDir, stores, ports, timeout, pools);
    }

    private static void putPool(Map<String, Integer> pools, String id, Integer size, String origin) {
        StoreProvider provider = Stores.find(id.replace('_', '-'))
                .orElseThrow(() -> new DbxException(
                        origin + ": unknown store '" + id.toLowerCase(Locale.ROOT) + "'",
                        "known stores: " + String.join(", ", Stores.ids())));
        if (size == null || size < 1 || size > MAX_POOL_SIZE) {
            throw new DbxException(
                    origin + ": pool size " + size + " is out of range",
                    "use a number of connections from 1 to " + MAX_POOL_SIZE);
        }
        pools.put(provider.id(), size);
    }

    private static int parsePool(String origin, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new DbxException(
                    origin + ": '" + value + "' is not a pool size", "use a number of connections, e.g. 16");
        }
    }

    private static FileSettings readFile(Path given) {
        Path path = given != null ? given : DEFAULT_FILE;
        if (!Files.exists(path)) {
            if (given != null) {
                throw new DbxException("config file " + given + " does not exist");
            }
            return new FileSettings();
        }
        ObjectMapper yaml =
                new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            FileSettings settings = yaml.readValue(path.toFile(), FileSettings.class);
            return settings == null ? new FileSettings() : settings;
        } catch (UnrecognizedPropertyException e) {
            throw new DbxException(
                    path + ": unknown setting '" + e.getPropertyName() + "' at line "
                            + e.getLocation().getLineNr(),
                    "known settings: dataDir, timeout, stores.<store>, engines.<engine>.port, pools.<store>");
        } catch (JsonMappingException e) {
            if (syntax(e)) {
                throw new DbxException(
                        path + " is not valid YAML at line " + line(e) + ": " + firstLine(e.getOriginalMessage()),
                        "check the indentation and the quoting there (a value with ': ' or '#' needs quotes)");
            }
            throw new DbxException(
                    path + ": " + setting(e) + " at line " + line(e) + " should be " + kind(e),
                    "see docs/architecture.md, Configuration, for each setting's form");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DbxException(
                    path + " is not valid YAML at line " + line(e) + ": " + firstLine(e.getOriginalMessage()),
                    "check the indentation and the quoting there (a value with ': ' or '#' needs quotes)");
        } catch (IOException e) {
            throw new DbxException("cannot read " + path + ": " + e.getMessage());
        }
    }

    /** Whether a mapping error is the YAML reader's (a quote not closed, a bad indent), not a value of a wrong kind. */
    private static boolean syntax(JsonMappingException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.exc.StreamReadException
                    || t.getClass().getName().startsWith("org.yaml.snakeyaml")) {
                return true;
            }
        }
        return false;
    }

    /** The setting a mapping error is about, as dbx.yaml spells it, e.g. "stores.mongo". */
    private static String setting(JsonMappingException e) {
        String name = String.join(
                ".",
                e.getPath().stream()
                        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .toList());
        return name.isEmpty() ? "the file" : name;
    }

    /** What a setting should have been, in words. */
    private static String kind(JsonMappingException e) {
        Class<?> type =
                e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m ? m.getTargetType() : null;
        if (type == String.class) {
            return "text";
        }
        if (type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type != null && Map.class.isAssignableFrom(type)) {
            return "a mapping of names to values";
        }
        return "a value of another kind (" + firstLine(e.getOriginalMessage()).replaceAll("`[^`]*`", "…") + ")";
    }

    private static String line(com.fasterxml.jackson.core.JsonProcessingException e) {
        return e.getLocation() == null ? "?" : Integer.toString(e.getLocation().getLineNr());
    }

    /** The first line of a parser's message, cut short: no stack of "at [Source: ...]" details. */
    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String first = message.lines().findFirst().orElse("").strip();
        return first.length() > 200 ? first.substring(0, 200) + "…" : first;
    }

    private static void putStore(Map<String, URI> stores, String id, String text, String origin) {
        StoreProvider provider = Stores.find(id.replace('_', '-'))
                .orElseThrow(() -> new DbxException(
                        origin + ": unknown store '" + id.toLowerCase(Locale.ROOT) + "'",
                        "known stores: " + String.join(", ", Stores.ids())));
        URI uri = Uris.parse("store " + provider.id() + " (" + origin + ")", text, provider.uriExample());
        if (!provider.accepts(uri)) {
            throw new DbxException(
                    origin + ": store " + provider.id() + " cannot open '" + Uris.redact(uri) + "'",
                    "expected a URI like " + provider.uriExample());
        }
        stores.put(provider.id(), uri);
    }

    private static int parsePort(String origin, String value) {
        try {
            return checkPort(origin, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            throw new DbxException(origin + ": '" + value + "' is not a port number", "use a number from 1 to 65535");
        }
    }

    private static int checkPort(String origin, int port) {
        if (port < 1 || port > 65535) {
            throw new DbxException(origin + ": port " + port + " is out of range", "use a number from 1 to 65535");
        }
        return port;
    }

    /** Parses "30s", "2m", "500ms" or an ISO-8601 duration. */
    public static Duration parseDuration(String origin, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new DbxException(origin + ": '" + text + "' is not a duration", "use e.g. 500ms, 10s or 2m");
        }
    }
}
