package dev.dbx.engine.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import java.net.URI;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaClientsTest {
    @Test
    void aUriWithUserInfoGivesSaslPlainWithItsUserAndPassword() {
        Properties p = KafkaClients.settings(URI.create("kafka://dbx:Abc_123-xyz@127.0.0.1:19092"));
        assertThat(p.getProperty("bootstrap.servers")).isEqualTo("127.0.0.1:19092");
        assertThat(p.getProperty("security.protocol")).isEqualTo("SASL_PLAINTEXT");
        assertThat(p.getProperty("sasl.mechanism")).isEqualTo("PLAIN");
        assertThat(p.getProperty("sasl.jaas.config"))
                .isEqualTo("org.apache.kafka.common.security.plain.PlainLoginModule required"
                        + " username=\"dbx\" password=\"Abc_123-xyz\";");
    }

    @Test
    void aUriWithoutUserInfoGivesPlaintext() {
        Properties p = KafkaClients.settings(URI.create("kafka://broker.example:9092"));
        assertThat(p).containsOnlyKeys("bootstrap.servers");
    }

    @Test
    void aPasswordAJaasEntryCannotHoldIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> KafkaClients.settings(URI.create("kafka://dbx:se%22cret@127.0.0.1:19092")))
                .isInstanceOf(DbxException.class)
                .hasMessageNotContaining("se\"cret");
    }

    @Test
    void anotherSchemeOrNoPortIsRefused() {
        assertThatThrownBy(() -> KafkaClients.settings(URI.create("http://dbx:secret@127.0.0.1:19092")))
                .isInstanceOf(DbxException.class)
                .hasMessageNotContaining("secret@");
        assertThatThrownBy(() -> KafkaClients.settings(URI.create("kafka://127.0.0.1")))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("no port");
    }
}
