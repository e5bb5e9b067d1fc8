package dev.dbx.engine.kafka;

import dev.dbx.core.DbxException;
import dev.dbx.core.Uris;
import java.net.URI;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * What a Kafka client (producer, consumer, Admin) needs from a {@code kafka://} URI: the bootstrap server, and the
 * credentials when the URI has user-info. The local engine's URI is {@code kafka://dbx:<secret>@127.0.0.1:<port>}; its
 * broker accepts only SASL/PLAIN over plaintext TCP (loopback), so a client sets
 *
 * <pre>{@code
 * bootstrap.servers = 127.0.0.1:<port>
 * security.protocol = SASL_PLAINTEXT
 * sasl.mechanism    = PLAIN
 * sasl.jaas.config  = org.apache.kafka.common.security.plain.PlainLoginModule required username="dbx" password="<secret>";
 * }</pre>
 *
 * A URI without user-info gives plain {@code PLAINTEXT} settings (an external broker without authentication). The
 * password is put into the JAAS entry as it is: it must not hold a double quote or a backslash.
 */
public final class KafkaClients {
    public static final String SCHEME = "kafka";
    public static final String EXAMPLE = "kafka://dbx:secret@127.0.0.1:19092";

    private KafkaClients() {}

    /** {@code host:port} of the URI, for {@code bootstrap.servers}. */
    public static String bootstrap(URI uri) {
        if (uri.getPort() < 0) {
            throw new DbxException("Kafka URI '" + Uris.redact(uri) + "' names no port", "e.g. " + EXAMPLE);
        }
        return Uris.host(uri, EXAMPLE) + ":" + uri.getPort();
    }

    /** The bootstrap server and, when the URI names a user, SASL/PLAIN with its user and password. */
    public static Properties settings(URI uri) {
        if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).equals(SCHEME)) {
            throw new DbxException("'" + Uris.redact(uri) + "' is not a Kafka URI", "e.g. " + EXAMPLE);
        }
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap(uri));
        String user = Uris.user(uri, null);
        if (user != null) {
            p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
            p.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
            p.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(user, Uris.password(uri, "")));
        }
        return p;
    }

    /** A client's JAAS entry for SASL/PLAIN. */
    static String jaas(String user, String password) {
        if ((user + password).matches(".*[\"\\\\].*")) {
            throw new DbxException(
                    "a Kafka user or password with a double quote or a backslash cannot be passed to SASL/PLAIN",
                    "use credentials without them");
        }
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }
}
