package dev.dbx.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Passwords are found by parsing what was configured, so none leaks, whatever characters it holds. */
class SecretsTest {
    @AfterEach
    void forget() {
        Secrets.forgetAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pa/ss", "pa ss", "pa#ss", "pa?ss", "pa@ss", "pa%ss", "p/ a#?@%:x", "tr%C3%A8s", "plain"})
    void aPasswordWithAnyReservedCharacterWorksAndNeverShows(String password) {
        URI uri = Uris.parse("store postgres", "postgresql://dbx:" + password + "@db.example:5432/shop", "x://");
        assertThat(uri.getHost()).isEqualTo("db.example");
        assertThat(uri.getPort()).isEqualTo(5432);
        assertThat(uri.getPath()).isEqualTo("/shop");
        assertThat(Uris.user(uri, null)).isEqualTo("dbx");
        String decoded = Uris.password(uri, null);
        assertThat(decoded).isEqualTo(password.contains("%C3") ? "très" : password);

        for (String leak : new String[] {
            uri.toString(),
            "connection to " + uri + " refused",
            "FATAL: password authentication failed; password was " + decoded,
            "raw form " + password + " in a driver message"
        }) {
            String out = Uris.redactText(leak);
            assertThat(out).doesNotContain(password).doesNotContain(decoded).contains(Secrets.MASK);
        }
        assertThat(Uris.redact(uri)).startsWith("postgresql://dbx:***@db.example:5432/shop");
    }

    @Test
    void aUriWithoutUserInfoIsLeftAsItIs() {
        assertThat(Uris.parse("store redis", "redis://127.0.0.1:6379/0", "redis://")
                        .toString())
                .isEqualTo("redis://127.0.0.1:6379/0");
    }

    @Test
    void anUnconfiguredPasswordInAUriIsStillHiddenUpToItsLastAt() {
        assertThat(Uris.redactText("at mongodb://u:se/cr@t@host:1/db failed"))
                .isEqualTo("at mongodb://u:***@host:1/db failed");
    }

    @Test
    void aRegisteredSecretIsHiddenAnywhere() {
        Secrets.register("s3cr3t-value");
        assertThat(Secrets.redact("the secret is s3cr3t-value, twice: s3cr3t-value"))
                .isEqualTo("the secret is ***, twice: ***");
    }
}
