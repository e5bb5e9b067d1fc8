package dev.dbx.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TsvTest {
    @Test
    void writtenRowsReadBackAsTheSameText() throws IOException {
        String tricky = "a\tb\nc\\d\re\0f\bg\fh 'q' \"dq\" ünï ✓";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TsvWriter writer = new TsvWriter(bytes, new String[] {"k", "s", "d", "day"});
        writer.row(new Object[] {42L, tricky, new BigDecimal("1E+3").setScale(2), LocalDate.of(1998, 12, 1)});
        writer.row(new Object[] {Long.MIN_VALUE, "", new BigDecimal("-0.05"), LocalDate.of(1992, 1, 2)});
        writer.flush();

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("42\ta\\tb\\nc\\\\d\\re\\0f\\bg\\fh 'q'").contains("\t1000.00\t1998-12-01\n");

        TsvReader reader = new TsvReader(new ByteArrayInputStream(bytes.toByteArray()), 4);
        assertThat(reader.next()).containsExactly("42", tricky, "1000.00", "1998-12-01");
        assertThat(reader.next()).containsExactly(Long.toString(Long.MIN_VALUE), "", "-0.05", "1992-01-02");
        assertThat(reader.next()).isNull();
    }

    @Test
    void aReusedWriterAndReaderStartEachRequestAfresh() throws IOException {
        TsvWriter writer = new TsvWriter(new String[] {"k", "v"}, 8);
        TsvReader reader = new TsvReader(8);
        for (int request = 0; request < 3; request++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            String value = "value of request " + request + " longer than the buffers";
            writer.to(bytes).row(new Object[] {(long) request, value});
            writer.flush();
            assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(request + "\t" + value + "\n");

            reader.reset(new ByteArrayInputStream(bytes.toByteArray()), 2);
            assertThat(reader.next()).containsExactly(Long.toString(request), value);
            assertThat(reader.next()).isNull();
        }
        // a reader left half-way through one answer starts the next one at its beginning
        reader.reset(new ByteArrayInputStream("a\tb\nc\td\n".getBytes(StandardCharsets.UTF_8)), 2);
        assertThat(reader.next()).containsExactly("a", "b");
        reader.reset(new ByteArrayInputStream("e\n".getBytes(StandardCharsets.UTF_8)), 1);
        assertThat(reader.next()).containsExactly("e");
        assertThat(reader.next()).isNull();
    }

    @Test
    void fieldsAndEscapesAcrossReadBoundariesSurvive() throws IOException {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            big.append(i % 7 == 0 ? "\\t\n" : "é").append(i);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TsvWriter writer = new TsvWriter(bytes, new String[] {"a", "b"});
        for (int i = 0; i < 50; i++) {
            writer.row(new Object[] {big.toString() + i, "x\\" + i});
        }
        writer.flush();
        // a stream that hands out a few bytes at a time puts every boundary somewhere awkward
        InputStream trickle = new ByteArrayInputStream(bytes.toByteArray()) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        };
        TsvReader reader = new TsvReader(trickle, 2);
        for (int i = 0; i < 50; i++) {
            assertThat(reader.next()).containsExactly(big.toString() + i, "x\\" + i);
        }
        assertThat(reader.next()).isNull();
    }

    @Test
    void readsClickHousesOwnEscapes() throws IOException {
        // ClickHouse escapes a single quote in TabSeparated output
        TsvReader reader = new TsvReader(new ByteArrayInputStream("a\\'b\\\\c\\td\n".getBytes()), 1);
        assertThat(reader.next()).containsExactly("a'b\\c\td");
    }

    @Test
    void aRowOfTheWrongWidthIsAnError() {
        TsvReader reader = new TsvReader(new ByteArrayInputStream("a\tb\tc\n".getBytes()), 2);
        assertThatThrownBy(reader::next).isInstanceOf(DbxException.class).hasMessageContaining("3 fields");
    }

    @Test
    void aNullIsRefusedByName() {
        TsvWriter writer = new TsvWriter(new ByteArrayOutputStream(), new String[] {"a", "b"});
        assertThatThrownBy(() -> writer.row(new Object[] {"x", null}))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("column b");
    }

    @Test
    void literalsHoldOnlyHexDigits() {
        assertThat(SqlLiteral.string("x') OR 1=1 --")).matches("unhex\\('[0-9A-F]*'\\)");
        assertThat(SqlLiteral.string("")).isEqualTo("unhex('')");
    }

    @Test
    void schemaScriptsSplitOnLineEndingSemicolons() {
        assertThat(SchemaScript.split("-- c\nCREATE TABLE a (\n  x Int32\n) ENGINE = Log;\n\nOPTIMIZE TABLE a;\n"))
                .containsExactly("CREATE TABLE a (\n  x Int32\n) ENGINE = Log", "OPTIMIZE TABLE a");
        assertThat(SchemaScript.load("tpch.sql")).hasSize(8);
    }
}
