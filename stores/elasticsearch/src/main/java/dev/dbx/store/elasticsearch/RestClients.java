package dev.dbx.store.elasticsearch;

import dev.dbx.core.DbxException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.RestClient;
import org.opensearch.client.RestClientBuilder;

/**
 * Builds the low-level REST client for an {@link Endpoint}: every timeout set from the store's timeout (the client's
 * defaults are 1 s to connect and 30 s to answer), credentials sent up front (no 401 round trip per connection), a
 * bounded connection pool (the store's pool size) whose lease also times out, and TLS trusting the JVM's CAs or the one the URI names.
 */
@SuppressWarnings("deprecation") // the low-level RestClient: see EsClient
final class RestClients {
    /** Bulk requests, refreshes and deletes of large indices may legitimately take longer than a lookup. */
    static final Duration SLOW_REQUEST = Duration.ofMinutes(2);

    /**
     * Enough for a benchmark's client threads sharing one store, unless the store's pool size says otherwise; an idle
     * pooled connection costs next to nothing.
     */
    static final int DEFAULT_CONNECTIONS = 32;

    private RestClients() {}

    /** @param connections the most pooled connections, in total and to the server (one route) */
    static RestClient build(Endpoint endpoint, Duration timeout, int connections) {
        RestClientBuilder builder =
                RestClient.builder(new HttpHost(endpoint.scheme(), endpoint.host(), endpoint.port()));
        if (!endpoint.pathPrefix().isEmpty()) {
            builder.setPathPrefix(endpoint.pathPrefix());
        }
        List<Header> headers = new ArrayList<>();
        if (endpoint.authorization() != null) {
            headers.add(new BasicHeader("Authorization", endpoint.authorization(), true));
        }
        builder.setDefaultHeaders(headers.toArray(Header[]::new));
        builder.setRequestConfigCallback(config -> requestConfig(config, timeout));
        SSLContext ssl = endpoint.ca().isPresent() ? trusting(endpoint) : null;
        builder.setHttpClientConfigCallback(client -> {
            // one I/O thread multiplexes all connections; it handles far more small requests than a server here answers
            client.setIOReactorConfig(
                    IOReactorConfig.custom().setIoThreadCount(1).build());
            PoolingAsyncClientConnectionManagerBuilder pool = PoolingAsyncClientConnectionManagerBuilder.create()
                    .setMaxConnPerRoute(connections)
                    .setMaxConnTotal(connections);
            if (ssl != null) {
                pool.setTlsStrategy(
                        ClientTlsStrategyBuilder.create().setSslContext(ssl).buildAsync());
            } else if (endpoint.tls()) {
                pool.setTlsStrategy(ClientTlsStrategyBuilder.create()
                        .setSslContext(defaultContext())
                        .buildAsync());
            }
            return client.setConnectionManager(pool.build());
        });
        return builder.build();
    }

    /** Per-request settings for requests that may run longer than {@code timeout} (still bounded). */
    static RequestConfig slow(Duration timeout) {
        Duration answer = timeout.compareTo(SLOW_REQUEST) > 0 ? timeout : SLOW_REQUEST;
        return RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.of(answer))
                .setConnectTimeout(Timeout.of(timeout))
                .setResponseTimeout(Timeout.of(answer))
                .build();
    }

    // RequestConfig's connect timeout is deprecated in httpclient 5 but still wins over the pool's (5.6)
    private static RequestConfig.Builder requestConfig(RequestConfig.Builder config, Duration timeout) {
        return config.setConnectTimeout(Timeout.of(timeout))
                .setResponseTimeout(Timeout.of(timeout))
                .setConnectionRequestTimeout(Timeout.of(timeout));
    }

    private static SSLContext defaultContext() {
        try {
            return SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new DbxException("this JVM has no default TLS context: " + e.getMessage());
        }
    }

    private static SSLContext trusting(Endpoint endpoint) {
        try (InputStream in = Files.newInputStream(endpoint.caCertificate())) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (Certificate certificate :
                    CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + n++, certificate);
            }
            if (n == 0) {
                throw new DbxException("'" + endpoint.caCertificate() + "' holds no certificate");
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new DbxException(
                    "cannot read CA certificate '" + endpoint.caCertificate() + "': " + e.getMessage(),
                    "give a PEM file with the certificate of the CA that signed the server's certificate");
        }
    }
}
