package dev.dbx.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisURI;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The URI forms a Redis store opens from, and the errors for the ones it cannot. No server needed. */
class RedisTargetTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private static RedisTarget parse(String uri) {
        return RedisTarget.parse(URI.create(uri), TIMEOUT);
    }

    private static RedisCredentials credentials(RedisTarget target) {
        return target.redisUri().getCredentialsProvider().resolveCredentials().block();
    }

    @Test
    void readsHostPortDatabasePasswordAndPrefix() {
        RedisTarget target = parse("redis://:secret@db.example:6380/3?prefix=dbx:");
        RedisURI redis = target.redisUri();
        assertThat(redis.getHost()).isEqualTo("db.example");
        assertThat(redis.getPort()).isEqualTo(6380);
        assertThat(redis.getDatabase()).isEqualTo(3);
        assertThat(new String(credentials(target).getPassword())).isEqualTo("secret");
        assertThat(credentials(target).hasUsername()).isFalse();
        assertThat(redis.isSsl()).isFalse();
        assertThat(redis.getTimeout()).isEqualTo(TIMEOUT);
        assertThat(target.prefix()).isEqualTo("dbx:");
        assertThat(target.where()).isEqualTo("redis://db.example:6380/3").doesNotContain("secret");
    }

    @Test
    void defaultsToPort6379DatabaseZeroAndNoPrefix() {
        RedisTarget target = parse("redis://localhost");
        assertThat(target.redisUri().getPort()).isEqualTo(6379);
        assertThat(target.redisUri().getDatabase()).isZero();
        assertThat(credentials(target).hasPassword()).isFalse();
        assertThat(target.prefix()).isEmpty();
    }

    @Test
    void takesAnAclUserAndTls() {
        RedisTarget target = parse("rediss://app:p%40ss@localhost:6379/1");
        assertThat(credentials(target).getUsername()).isEqualTo("app");
        assertThat(new String(credentials(target).getPassword())).isEqualTo("p@ss");
        assertThat(target.redisUri().isSsl()).isTrue();
    }

    @Test
    void malformedUrisGetAClearErrorWithoutThePassword() {
        assertRefused("redis://:secret@localhost:6379/zero", "database number");
        assertRefused("redis://:secret@localhost:6379/-1", "database number");
        assertRefused("redis://:secret@localhost:6379/0?pool=3", "unknown parameter 'pool'");
        assertRefused("redis://:secret@localhost:6379/0?prefix=a*", "invalid key prefix");
        assertRefused("redis://secret@:6379/0", "needs a host");
        assertRefused("http://:secret@localhost:6379/0", "unsupported scheme 'http'");
    }

    private static void assertRefused(String uri, String message) {
        assertThatThrownBy(() -> parse(uri))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining(message)
                .hasMessageNotContaining("secret")
                .satisfies(e -> assertThat(((DbxException) e).hint()).isNotBlank());
    }
}
