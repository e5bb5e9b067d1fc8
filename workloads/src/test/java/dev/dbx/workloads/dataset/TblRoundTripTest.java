package dev.dbx.workloads.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.dataset.Checksum;
import dev.dbx.core.dataset.Entity;
import dev.dbx.workloads.export.TblSource;
import dev.dbx.workloads.export.TblWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TblRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void rowsWrittenAsTblReadBackIdentical() {
        TpchSource generated = new TpchSource(0.01);
        TblWriter.write(generated, dir, false, n -> {});
        TblSource read = new TblSource(generated.dataset(), dir);
        for (Entity entity : generated.dataset().entities()) {
            Checksum expected = Checksum.of(entity, generated.rows(entity));
            Checksum actual = Checksum.of(entity, read.rows(entity));
            assertThat(actual.count()).as(entity.name()).isEqualTo(expected.count());
            assertThat(actual.value()).as(entity.name()).isEqualTo(expected.value());
            assertThat(read.rowCount(entity)).isEqualTo(expected.count());
        }
    }
}
