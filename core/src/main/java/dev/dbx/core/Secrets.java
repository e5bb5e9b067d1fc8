package dev.dbx.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every secret this dbx process knows (the lab's secret, the password of each configured store), so that no output or
 * log can show one: {@link #redact} replaces each of them, in every form it may take in a URI or a message (as given,
 * percent-encoded, decoded), wherever it appears, and then what still looks like a URI's password. A secret is known
 * exactly, from parsing the settings, never guessed by a pattern: a password with '/', a space, '#', '?', '@' or '%'
 * is hidden like any other.
 */
public final class Secrets {
    /** What a secret becomes in output. */
    public static final String MASK = "***";

    /** Shorter than this is not hidden by itself (a one-letter password would mask every such letter); URIs still are. */
    private static final int MIN_LENGTH = 3;

    private static final List<String> KNOWN = new CopyOnWriteArrayList<>();

    private Secrets() {}

    /** Remembers {@code secret} (and its URI encodings) for {@link #redact}; null or blank is ignored. */
    public static void register(String secret) {
        if (secret == null || secret.isBlank()) {
            return;
        }
        for (String form : List.of(
                secret,
                URLEncoder.encode(secret, StandardCharsets.UTF_8),
                URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"))) {
            if (form.length() >= MIN_LENGTH && !KNOWN.contains(form)) {
                KNOWN.add(form);
            }
        }
        // longest first, so a secret that contains another is replaced whole
        KNOWN.sort(Comparator.comparingInt(String::length).reversed());
    }

    /** {@code text} with every known secret, and every URI's password, replaced by {@value #MASK}. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : KNOWN) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        return Uris.redactPatterns(out);
    }

    /** For tests: forgets every secret. */
    static void forgetAll() {
        KNOWN.clear();
    }
}
