package dev.dbx.sync.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.TpchSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordReaderTest {
    @TempDir
    Path dir;

    @Test
    void aBrokenCsvLineIsReportedAloneAndTheNextLinesStillRead() throws IOException {
        Path file = write("r.csv", """
                r_regionkey,r_name,r_comment
                0,AFRICA,"quoted, with a comma"
                1,"AMERICA,broken quote
                2,ASIA,fine
                """);
        List<RawRecord> records = readAll(file, ImportFormat.CSV);
        assertThat(records).hasSize(3);
        assertThat(records.get(0).values()).containsEntry("r_comment", "quoted, with a comma");
        assertThat(records.get(1).problem()).startsWith("malformed CSV");
        assertThat(records.get(1).line()).isEqualTo(3);
        assertThat(records.get(2).values()).containsEntry("r_name", "ASIA");
        assertThat(records.get(2).line()).isEqualTo(4);
    }

    @Test
    void columnsMayComeInAnyOrderInACsvHeader() throws IOException {
        Path file = write("r.csv", "r_comment,r_regionkey,r_name\nhello,3,EUROPE\n");
        assertThat(readAll(file, ImportFormat.CSV).get(0).values())
                .containsEntry("r_regionkey", "3")
                .containsEntry("r_name", "EUROPE");
    }

    @Test
    void aHeaderWithAnUnknownColumnRefusesTheWholeFile() throws IOException {
        Path file = write("r.csv", "r_regionkey,r_name,\"r_comment; DROP TABLE region\"\n0,AFRICA,x\n");
        assertThatThrownBy(() -> readAll(file, ImportFormat.CSV))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("'r_comment; DROP TABLE region'");
    }

    @Test
    void aHeaderLackingAColumnRefusesTheWholeFile() throws IOException {
        Path file = write("r.csv", "r_regionkey,r_name\n0,AFRICA\n");
        assertThatThrownBy(() -> readAll(file, ImportFormat.CSV))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("lacks columns")
                .hasMessageContaining("'r_comment'");
    }

    @Test
    void tblRecordsAreByPositionWithATrailingBar() throws IOException {
        Path file = write("r.tbl", "0|AFRICA|lar deposits|\n1|AMERICA|\n");
        List<RawRecord> records = readAll(file, ImportFormat.TBL);
        assertThat(records.get(0).values()).containsEntry("r_comment", "lar deposits");
        assertThat(records.get(1).problem()).isEqualTo("has 2 fields, expected 3");
    }

    @Test
    void jsonlRejectsBrokenJsonAndUnknownFieldsPerLine() throws IOException {
        Path file = write("r.jsonl", """
                {"r_regionkey": 0, "r_name": "AFRICA", "r_comment": "x"}
                {"r_regionkey": 1, "r_name": "AMERICA"
                {"r_regionkey": 2, "r_name": "ASIA", "r_comment": "y", "evil": "1; DROP TABLE region"}
                """);
        List<RawRecord> records = readAll(file, ImportFormat.JSONL);
        assertThat(records.get(0).values()).containsEntry("r_regionkey", "0");
        assertThat(records.get(1).problem()).startsWith("malformed JSON");
        assertThat(records.get(2).problem()).isEqualTo("unknown fields 'evil'");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static List<RawRecord> readAll(Path file, ImportFormat format) {
        List<RawRecord> out = new ArrayList<>();
        try (RecordReader reader = new RecordReader(file, format, TpchSchema.REGION)) {
            reader.forEachRemaining(out::add);
        }
        return out;
    }
}
