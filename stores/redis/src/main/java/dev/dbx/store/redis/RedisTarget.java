package dev.dbx.store.redis;

import dev.dbx.core.DbxException;
import io.lettuce.core.RedisURI;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a Redis store lives, parsed from {@code redis://[[user]:password@]host[:port][/db][?prefix=ns:]} (or
 * {@code rediss://} for TLS). Parsed here rather than by {@link RedisURI#create} so every mistake gets a message that
 * names the expected form, and so messages can name the server without ever showing a password.
 *
 * @param redisUri what Lettuce connects to
 * @param prefix a namespace put in front of every key dbx writes ("" by default), for a database shared with others
 * @param where the server as text without credentials, for messages
 */
record RedisTarget(RedisURI redisUri, String prefix, String where) {
    static final String EXAMPLE = "redis://:password@localhost:6379/0";
    static final int DEFAULT_PORT = 6379;

    /** A prefix is part of a SCAN MATCH pattern, so glob characters are kept out of it. */
    private static final Pattern SAFE_PREFIX = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    static RedisTarget parse(URI given, Duration timeout) {
        URI uri = syntax(given.toString());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw new DbxException(
                    "unsupported scheme '" + scheme + "' for redis",
                    "use redis:// or rediss:// (TLS), e.g. " + EXAMPLE);
        }
        // the URI itself is kept out of these messages: a bare "password@" would not be redacted
        if (uri.isOpaque() || uri.getHost() == null) {
            throw new DbxException("a redis URI needs a host", "expected something like " + EXAMPLE);
        }
        String host = uri.getHost();
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        int database = database(uri);
        String prefix = prefix(uri);

        RedisURI.Builder builder = RedisURI.Builder.redis(host, port)
                .withDatabase(database)
                .withSsl(scheme.equals("rediss"))
                .withTimeout(timeout)
                .withClientName("dbx");
        String info = uri.getRawUserInfo();
        if (info != null && !info.isEmpty()) {
            int colon = info.indexOf(':');
            // like Lettuce's own parser: "user:password", ":password", or a bare "password"
            String user = colon < 0 ? "" : decode(info.substring(0, colon));
            String password = decode(colon < 0 ? info : info.substring(colon + 1));
            if (user.isEmpty()) {
                builder.withPassword(password.toCharArray());
            } else {
                builder.withAuthentication(user, password.toCharArray());
            }
        }
        String where = scheme + "://" + host + ":" + port + "/" + database;
        return new RedisTarget(builder.build(), prefix, where);
    }

    /**
     * Checks the URI's syntax. The text is never repeated in the message: a bare {@code password@} has no colon for
     * {@link dev.dbx.core.Uris#redactText} to find.
     */
    private static URI syntax(String text) {
        try {
            return new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new DbxException(
                    "malformed redis URI: " + e.getReason() + " at index " + e.getIndex(),
                    "expected something like " + EXAMPLE);
        }
    }

    private static int database(URI uri) {
        String path = uri.getPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return 0;
        }
        String text = path.substring(1);
        if (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            int db = Integer.parseInt(text);
            if (db >= 0) {
                return db;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DbxException(
                "the path of a redis URI is a database number, not '" + text + "'",
                "use e.g. " + EXAMPLE + " (database 0), or leave the path out");
    }

    private static String prefix(URI uri) {
        String query = uri.getRawQuery();
        if (query == null || query.isEmpty()) {
            return "";
        }
        String prefix = "";
        for (String param : query.split("&")) {
            int eq = param.indexOf('=');
            String name = decode(eq < 0 ? param : param.substring(0, eq));
            String value = eq < 0 ? "" : decode(param.substring(eq + 1));
            if (!name.equals("prefix")) {
                throw new DbxException(
                        "unknown parameter '" + name + "' in a redis URI",
                        "the only parameter is prefix, e.g. redis://localhost:6379/0?prefix=dbx:");
            }
            if (!SAFE_PREFIX.matcher(value).matches()) {
                throw new DbxException(
                        "invalid key prefix '" + value + "' in a redis URI",
                        "use 1 to 64 letters, digits and '_', '.', ':', '-', e.g. prefix=dbx:");
            }
            prefix = value;
        }
        return prefix;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
