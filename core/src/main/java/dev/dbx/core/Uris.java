package dev.dbx.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/** Parsing store URIs with clear errors, and keeping passwords out of everything dbx prints or logs. */
public final class Uris {
    /** A password in a URI no setting named (one quoted by a driver, say): up to the last '@' of the word. */
    private static final Pattern USERINFO_PASSWORD = Pattern.compile("(://[^:/@\\s]*:)\\S*@");

    private static final Pattern QUERY_SECRET =
            Pattern.compile("(?i)([?&;](?:password|passwd|pwd|pass|secret|token|api[_-]?key)=)[^&;\\s]*");

    private Uris() {}

    /**
     * Parses {@code text} as a URI for {@code what}; a malformed one gets a message naming the expected form. The
     * user-info is read by position, not by URI syntax: everything between {@code ://} and the last {@code @} before
     * the host, so a password may hold any character ('/', ' ', '#', '?', '@', '%'...) as typed, or percent-encoded.
     * It is remembered as a secret (see {@link Secrets}) before anything can print it, and encoded in the URI returned.
     */
    public static URI parse(String what, String text, String example) {
        if (text == null || text.isBlank()) {
            throw new DbxException("empty URI for " + what, "expected something like " + example);
        }
        String normalized = withEncodedUserInfo(text.strip());
        try {
            URI uri = new URI(normalized);
            if (uri.getScheme() == null) {
                throw new DbxException(
                        "malformed URI for " + what + ": '" + redactText(text) + "' has no scheme",
                        "expected something like " + example);
            }
            checkPort(what, uri, example);
            return uri;
        } catch (URISyntaxException e) {
            throw new DbxException(
                    "malformed URI for " + what + ": '" + redactText(normalized) + "' (" + redactText(e.getReason())
                            + ")",
                    "expected something like " + example);
        }
    }

    /**
     * A port must be a number from 1 to 65535. {@link URI} takes an authority whose port is not a number as a name with
     * no host at all, which would surface later as "names no host"; and it takes any number of digits as a port.
     */
    private static void checkPort(String what, URI uri, String example) {
        String authority = uri.getRawAuthority();
        if (authority == null) {
            return;
        }
        if (uri.getHost() == null) {
            String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
            int colon = hostPort.lastIndexOf(':');
            if (colon >= 0 && !hostPort.endsWith("]")) {
                String port = hostPort.substring(colon + 1);
                throw new DbxException(
                        "malformed URI for " + what + ": port '" + port + "' is not a number from 1 to 65535",
                        "expected something like " + example);
            }
            return;
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new DbxException(
                    "malformed URI for " + what + ": port " + uri.getPort() + " is out of range",
                    "use a port from 1 to 65535, e.g. " + example);
        }
    }

    /**
     * {@code text} with its user-info percent-encoded where it is not already, its password registered as a secret in
     * every form. Text without {@code ://} or without user-info comes back as it was.
     */
    static String withEncodedUserInfo(String text) {
        int start = text.indexOf("://");
        if (start < 0) {
            return text;
        }
        start += 3;
        int at = text.lastIndexOf('@');
        if (at < start) {
            return text;
        }
        String userInfo = text.substring(start, at);
        int colon = userInfo.indexOf(':');
        String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
        String password = colon < 0 ? null : userInfo.substring(colon + 1);
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, start);
        out.append(encoded(user));
        if (password != null) {
            Secrets.register(password);
            Secrets.register(decodedOrSelf(password));
            out.append(':').append(encoded(password));
        }
        return out.append(text, at, text.length()).toString();
    }

    /** Percent-encodes what a URI's user-info cannot hold as is; text already percent-encoded stays as it is. */
    private static String encoded(String part) {
        if (isPercentEncoded(part)) {
            return part;
        }
        StringBuilder out = new StringBuilder();
        for (byte b : part.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Only unreserved characters, sub-delimiters and well-formed %XX escapes: a URI may hold it as it is. */
    private static boolean isPercentEncoded(String part) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%') {
                if (i + 2 >= part.length()
                        || Character.digit(part.charAt(i + 1), 16) < 0
                        || Character.digit(part.charAt(i + 2), 16) < 0) {
                    return false;
                }
                i += 2;
            } else if (!(Character.isLetterOrDigit(c) && c < 128) && "-._~!$&'()*+,;=".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String decodedOrSelf(String part) {
        try {
            return java.net.URLDecoder.decode(part.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return part;
        }
    }

    /** The URI as text, with any password replaced by {@code ***}. */
    public static String redact(URI uri) {
        return uri == null ? "" : redactText(uri.toString());
    }

    /**
     * Replaces every known secret (see {@link Secrets}) and every URI password anywhere in {@code text} (error messages
     * from drivers included).
     */
    public static String redactText(String text) {
        return Secrets.redact(text);
    }

    /** The patterns alone: a URI's user-info password and password-like query parameters. */
    static String redactPatterns(String text) {
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
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }
}
