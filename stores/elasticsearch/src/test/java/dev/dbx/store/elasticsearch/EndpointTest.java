package dev.dbx.store.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class EndpointTest {
    @Test
    void elasticsearchAndOpensearchSchemesMeanHttpAndPlusHttpsMeansTls() {
        assertThat(Endpoint.parse(URI.create("elasticsearch://h")).scheme()).isEqualTo("http");
        assertThat(Endpoint.parse(URI.create("opensearch://h:9201")).port()).isEqualTo(9201);
        assertThat(Endpoint.parse(URI.create("opensearch+https://h")).scheme()).isEqualTo("https");
        assertThat(Endpoint.parse(URI.create("https://h")).tls()).isTrue();
        assertThat(Endpoint.parse(URI.create("http://h")).port()).isEqualTo(9200);
    }

    @Test
    void userInfoBecomesBasicAuthAndIsNeverPrinted() {
        Endpoint e = Endpoint.parse(URI.create("http://elastic:s%3Acret@h:9200/es/"));
        assertThat(e.authorization())
                .isEqualTo("Basic "
                        + Base64.getEncoder().encodeToString("elastic:s:cret".getBytes(StandardCharsets.UTF_8)));
        assertThat(e.pathPrefix()).isEqualTo("/es");
        assertThat(e.toString()).doesNotContain("cret").contains("***");
    }

    @Test
    void anApiKeyIsSentAsIsOrEncodedFromIdAndKey() {
        assertThat(Endpoint.parse(URI.create("https://h?api_key=QUJD")).authorization())
                .isEqualTo("ApiKey QUJD");
        assertThat(Endpoint.parse(URI.create("https://h?api_key=id:key")).authorization())
                .isEqualTo("ApiKey " + Base64.getEncoder().encodeToString("id:key".getBytes(StandardCharsets.UTF_8)));
        assertThat(Endpoint.parse(URI.create("https://h?api_key=QUJD")).toString())
                .doesNotContain("QUJD");
    }

    @Test
    void shardsAndReplicasComeFromTheUri() {
        Endpoint e = Endpoint.parse(URI.create("http://h?shards=3&replicas=1"));
        assertThat(e.shards()).isEqualTo(3);
        assertThat(e.replicas()).isEqualTo(1);
        Endpoint d = Endpoint.parse(URI.create("http://h"));
        assertThat(d.shards()).isEqualTo(1);
        assertThat(d.replicas()).isZero();
    }

    @Test
    void mistakesGetOneLineErrorsWithoutThePassword() {
        assertThatThrownBy(() -> Endpoint.parse(URI.create("mongodb://u:secret@h")))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("not an Elasticsearch/OpenSearch URI")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Endpoint.parse(URI.create("http://u:secret@h?shard=2")))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("unknown parameter 'shard'")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Endpoint.parse(URI.create("http://u:secret@h?shards=0")))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("shards='0'")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Endpoint.parse(URI.create("http://u@h")))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("no password");
        assertThatThrownBy(() -> Endpoint.parse(URI.create("http://u:secret@h?api_key=k")))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("both a user and an api_key")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Endpoint.parse(URI.create("http:/no-host")))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("names no host");
        assertThatThrownBy(() -> Endpoint.parse(URI.create("http://h?ca=/etc/hosts")))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("does not use TLS");
    }
}
