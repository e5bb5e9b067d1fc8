package dev.dbx.store.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoCredential;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import dev.dbx.core.DbxException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The errors a user sees for what the local engine cannot produce (it has no authentication), and the common ones. */
class MongoErrorsTest {
    private static final URI URI_WITH_PASSWORD = URI.create("mongodb://dbx:secret@db.example.net:27017/dbx");

    @Test
    void badCredentialsNameTheUserNeverThePassword() {
        MongoSecurityException cause = new MongoSecurityException(
                MongoCredential.createCredential("dbx", "admin", "secret".toCharArray()),
                "Exception authenticating MongoCredential{mechanism=SCRAM-SHA-256, userName='dbx', password=secret}");
        DbxException e = MongoErrors.of(URI_WITH_PASSWORD, Duration.ofSeconds(3), "connecting", cause);
        assertThat(e.getMessage())
                .isEqualTo("authentication to mongodb://db.example.net:27017/dbx failed for user 'dbx'")
                .doesNotContain("secret");
        assertThat(e.hint()).contains("user and password");
    }

    @Test
    void aDeadServerSaysHowLongItWaited() {
        DbxException e = MongoErrors.of(
                URI_WITH_PASSWORD,
                Duration.ofSeconds(3),
                "connecting",
                new MongoTimeoutException("Timed out after 3000 ms while waiting to connect"));
        assertThat(e.getMessage())
                .isEqualTo("no MongoDB server answered at mongodb://db.example.net:27017/dbx within 3 s");
        assertThat(e.hint()).contains("is the server running").contains("dbx up --engines mongo");
    }

    @Test
    void aServerThatDiesMidOperationIsALostConnectionNotATimeout() {
        MongoOperationTimeoutException cause =
                new MongoOperationTimeoutException("Operation exceeded the timeout limit.");
        cause.initCause(new MongoSocketReadException("Prematurely reached end of stream", new ServerAddress()));
        DbxException e = MongoErrors.of(URI_WITH_PASSWORD, Duration.ofSeconds(3), "counting lineitem", cause);
        assertThat(e.getMessage())
                .startsWith("lost the connection to mongodb://db.example.net:27017/dbx while counting lineitem")
                .doesNotContain("secret");
    }
}
