package dev.dbx.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.ScoredValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RespTest {
    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void hsetLeavesOutNullFieldsAndCountsBytesNotChars() {
        Resp resp = new Resp();
        byte[] key = "k:1".getBytes(StandardCharsets.UTF_8);
        String[] fields = {"a", "b", "c"};
        assertThat(text(resp.hset(key, fields, new String[] {"x", null, "é✓"}).toBytes()))
                .isEqualTo("*6\r\n$4\r\nHSET\r\n$3\r\nk:1\r\n$1\r\na\r\n$1\r\nx\r\n$1\r\nc\r\n$5\r\né✓\r\n");
        // the buffer is reused: a second command does not carry the first one's bytes
        assertThat(text(resp.hset(key, fields, new String[] {"", "y", null}).toBytes()))
                .isEqualTo("*6\r\n$4\r\nHSET\r\n$3\r\nk:1\r\n$1\r\na\r\n$0\r\n\r\n$1\r\nb\r\n$1\r\ny\r\n");
    }

    @Test
    void zaddWritesWholeScoresWithoutAFraction() {
        Resp resp = new Resp();
        byte[] bytes = resp.zadd(
                        "z".getBytes(StandardCharsets.UTF_8),
                        List.of(ScoredValue.just(8035, "1"), ScoredValue.just(-2.5, "2"), ScoredValue.just(0, "3")))
                .toBytes();
        assertThat(text(bytes))
                .isEqualTo(
                        "*8\r\n$4\r\nZADD\r\n$1\r\nz\r\n$4\r\n8035\r\n$1\r\n1\r\n$4\r\n-2.5\r\n$1\r\n2\r\n$1\r\n0\r\n$1\r\n3\r\n");
    }

    @Test
    void growsForLongValues() {
        String big = "v".repeat(100_000);
        byte[] bytes = new Resp()
                .hset("k".getBytes(StandardCharsets.UTF_8), new String[] {"f"}, new String[] {big})
                .toBytes();
        assertThat(text(bytes)).endsWith("$100000\r\n" + big + "\r\n").startsWith("*4\r\n");
    }
}
