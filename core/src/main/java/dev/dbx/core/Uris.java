package dev.dbx.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/** Parsing store URIs with clear errors, and keeping passwords out of everything dbx prints or logs. */
public final class Uris {
    private static final Pattern USERINFO_PASSWORD = Pattern.compile("(://[^:/@\\s]*:)[^@\\s/]*@");
    private static final Pattern QUERY_SECRET =
            Pattern.compile("(?i)([?&;](?:password|passwd|pwd|pass|secret|token|api[_-]?key)=)[^&;\\s]*");

    private Uris() {}

    /** Parses {@code text} as a URI for {@code what}; a malformed one gets a message naming the expected form. */
    public static URI parse(String what, String text, String example) {
        if (text == null || text.isBlank()) {
            throw new DbxException("empty URI for " + what, "expected something like " + example);
        }
        try {
            URI uri = new URI(text.strip());
            if (uri.getScheme() == null) {
                throw new DbxException(
                        "malformed URI for " + what + ": '" + redactText(text) + "' has no scheme",
                        "expected something like " + example);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new DbxException(
                    "malformed URI for " + what + ": '" + redactText(text) + "' (" + e.getReason() + ")",
                    "expected something like " + example);
        }
    }

    /** The URI as text, with any password replaced by {@code ***}. */
    public static String redact(URI uri) {
        return uri == null ? "" : redactText(uri.toString());
    }

    /** Replaces passwords in URIs anywhere in {@code text} (error messages from drivers included). */
    public static String redactText(String text) {
        if (text == null) {
            return null;
        }
        String out = USERINFO_PASSWORD.matcher(text).replaceAll("$1***@");
        return QUERY_SECRET.matcher(out).replaceAll("$1***");
    }

    /** The user of the URI's user-info, or {@code fallback}. */
    public static String user(URI uri, String fallback) {
        String info = uri.getRawUserInfo();
        if (info == null || info.isEmpty()) {
            return fallback;
        }
        int colon = info.indexOf(':');
        return decode(colon < 0 ? info : info.substring(0, colon));
    }

    /** The password of the URI's user-info, or {@code fallback}. */
    public static String password(URI uri, String fallback) {
        String info = uri.getRawUserInfo();
        if (info == null) {
            return fallback;
        }
        int colon = info.indexOf(':');
        return colon < 0 ? fallback : decode(info.substring(colon + 1));
    }

    /** The first path segment (a database name), or {@code fallback}. */
    public static String database(URI uri, String fallback) {
        String path = uri.getPath();
        if (path == null || path.length() <= 1) {
            return fallback;
        }
        String db = path.substring(1);
        int slash = db.indexOf('/');
        return slash < 0 ? db : db.substring(0, slash);
    }

    /** The port, or {@code fallback} when the URI names none. */
    public static int port(URI uri, int fallback) {
        return uri.getPort() < 0 ? fallback : uri.getPort();
    }

    /** The host, or a clear error when the URI names none. */
    public static String host(URI uri, String example) {
        if (uri.getHost() == null) {
            throw new DbxException("URI '" + redact(uri) + "' names no host", "expected something like " + example);
        }
        return uri.getHost();
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
