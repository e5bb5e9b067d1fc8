package dev.dbx.sync.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbx.core.DbxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncStatusFileTest {
    @TempDir
    Path dir;

    private static SyncStatus status(long applied) {
        return new SyncStatus(
                List.of(
                        new TargetStatus("sqlite", applied, 40.5, 12, 80, 95, 3, 1),
                        new TargetStatus("mongo", 7, 0, 0, 0, 0, -1, 0)),
                56L);
    }

    @Test
    void whatIsWrittenIsReadBackInTheAgreedShapeOwnerOnly() throws Exception {
        assertThat(SyncStatusFile.read(dir)).isEmpty();
        SyncStatusFile.write(dir, status(120));
        assertThat(SyncStatusFile.read(dir)).contains(status(120));
        assertThat(SyncStatusFile.read(dir)).isNotEqualTo(java.util.Optional.of(status(121)));

        JsonNode json = new ObjectMapper().readTree(SyncStatusFile.path(dir).toFile());
        assertThat(json.fieldNames()).toIterable().containsExactlyInAnyOrder("targets", "slotRetainedBytes");
        assertThat(json.get("targets").get(0).fieldNames())
                .toIterable()
                .containsExactly(
                        "target",
                        "applied",
                        "eventsPerSec",
                        "lagP50Ms",
                        "lagP99Ms",
                        "lagMaxMs",
                        "pending",
                        "deadLettered");
        assertThat(json.get("slotRetainedBytes").asLong()).isEqualTo(56);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(SyncStatusFile.path(dir))))
                .isEqualTo("rw-------");

        // a newer status replaces the old one whole, and no temporary file is left beside it
        SyncStatusFile.write(dir, status(130).withSlotRetainedBytes(null));
        assertThat(SyncStatusFile.read(dir).orElseThrow().targets().getFirst().applied())
                .isEqualTo(130);
        assertThat(SyncStatusFile.read(dir).orElseThrow().slotRetainedBytes()).isNull();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(SyncStatusFile.NAME);
        }
    }

    @Test
    void aFileThatIsNotAStatusIsAClearError() throws Exception {
        Files.writeString(SyncStatusFile.path(dir), "{\"applied\": 3}");
        assertThatThrownBy(() -> SyncStatusFile.read(dir))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("is not a sync status");
        Files.writeString(SyncStatusFile.path(dir), "not json");
        assertThatThrownBy(() -> SyncStatusFile.read(dir))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("is not a sync status");
    }
}
