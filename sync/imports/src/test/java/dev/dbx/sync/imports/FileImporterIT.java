package dev.dbx.sync.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbx.core.DbxException;
import dev.dbx.core.capability.DatasetModel;
import dev.dbx.core.dataset.TpchSchema;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.Stores;
import dev.dbx.engine.RunningEngine;
import dev.dbx.workloads.dataset.TpchSource;
import dev.dbx.workloads.load.DatasetLoader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * dbx import against real stores: PostgreSQL (a local engine; the reference for keys and references) and SQLite, both
 * holding TPC-H SF 0.01. A file of customers mixing good rows with every kind of bad one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FileImporterIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER =
            "c_custkey,c_name,c_address,c_nationkey,c_phone,c_acctbal,c_mktsegment,c_comment";
    private static final String INJECTION = "x'); DROP TABLE nation;--";

    private RunningEngine engine;
    private Store postgres;
    private Store sqlite;
    private Path dir;

    @BeforeAll
    void loadTpchIntoBothStores() throws IOException {
        dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "import-");
        engine = RunningEngine.start("postgres");
        postgres = Stores.open("postgres", engine.uri(), Duration.ofSeconds(30));
        sqlite = Stores.open(
                "sqlite", URI.create("sqlite:" + dir.toAbsolutePath().resolve("db.sqlite")), Duration.ofSeconds(30));
        for (Store store : List.of(postgres, sqlite)) {
            DatasetLoader.load(store, DatasetLoader.counting(new TpchSource(0.01)), true);
        }
    }

    @AfterAll
    void stop() {
        if (postgres != null) {
            postgres.close();
        }
        if (sqlite != null) {
            sqlite.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void goodRowsLoadEverywhereAndEachBadOneIsQuarantinedWithItsLineAndReason() throws IOException {
        Path file = Files.writeString(
                dir.resolve("customers.csv"),
                String.join(
                        "\n",
                        HEADER,
                        "1501,Customer#000001501,addr,3,13-123-456-7890,100.50,BUILDING,good one",
                        "1502,\"" + INJECTION + "\",addr,3,13-123-456-7890,1.00,BUILDING,a name that is SQL",
                        "1503,Customer#000001503,addr,3,13-123-456-7890,lots,BUILDING,bad type",
                        "1504,Customer#000001504,addr,3,,1.00,BUILDING,missing phone",
                        "1505,\"Customer#000001505,addr,3,13-123-456-7890,1.00,BUILDING,broken quote",
                        "1506,Customer#000001506,addr,99,13-123-456-7890,1.00,BUILDING,no nation 99",
                        "1,Customer#000000001,addr,3,13-123-456-7890,1.00,BUILDING,key exists",
                        "1501,Customer#000001501,addr,3,13-123-456-7890,1.00,BUILDING,duplicate in file",
                        "1507,Customer#000001507,addr,3,13-123-456-7890,1.00,AUTOMOBILES-AND-MORE,too long",
                        "1508,Customer#000001508,addr,24,13-123-456-7890,-999.99,MACHINERY,good too",
                        ""));
        Path quarantine = dir.resolve("customers.rejected.jsonl");

        ImportReport report = new FileImporter(TpchSchema.DATASET, TpchSchema.CUSTOMER, m -> {})
                .run(file, ImportFormat.CSV, quarantine, false, false, List.of(postgres, sqlite));

        assertThat(report.records()).isEqualTo(10);
        assertThat(report.good()).isEqualTo(3);
        assertThat(report.quarantined()).isEqualTo(7);
        assertThat(report.failed()).isFalse();
        assertThat(report.stores())
                .extracting(ImportReport.StoreResult::store, ImportReport.StoreResult::loaded)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("postgres", 3L),
                        org.assertj.core.groups.Tuple.tuple("sqlite", 3L));

        List<JsonNode> rejected = new ArrayList<>();
        for (String line : Files.readAllLines(quarantine)) {
            rejected.add(JSON.readTree(line));
        }
        assertThat(rejected)
                .extracting(n -> n.get("line").asInt() + ": " + n.get("reason").asText())
                .containsExactlyInAnyOrder(
                        "4: c_acctbal: 'lots' is not a number",
                        "5: c_phone is missing",
                        "6: malformed CSV: " + reasonOf(rejected, 6),
                        "7: c_nationkey (99) refers to a nation that postgres does not have",
                        "8: a row with key (1) already exists in postgres",
                        "9: duplicate key (1501), first on line 2",
                        "10: c_mktsegment: 20 characters, at most 10 fit");
        assertThat(rejected)
                .allSatisfy(n -> assertThat(n.get("record").asText()).isNotBlank());

        for (Store store : List.of(postgres, sqlite)) {
            DatasetModel model = store.require(DatasetModel.class);
            assertThat(model.count(TpchSchema.DATASET, TpchSchema.CUSTOMER)).isEqualTo(1503);
            assertThat(model.count(TpchSchema.DATASET, TpchSchema.NATION)).isEqualTo(25);
            List<String> names = new ArrayList<>();
            model.scan(TpchSchema.DATASET, TpchSchema.CUSTOMER, row -> {
                if ((Long) row[0] == 1502L) {
                    names.add((String) row[1]);
                }
            });
            assertThat(names).as("the SQL in a value is stored as text").containsExactly(INJECTION);
        }
    }

    @Test
    void strictModeLoadsNothingWhenAnyRowIsBad() throws IOException {
        Path file = Files.writeString(
                dir.resolve("strict.csv"),
                HEADER + "\n" + "1601,Customer#000001601,addr,3,13-123-456-7890,1.00,BUILDING,good\n"
                        + "1602,Customer#000001602,addr,3,13-123-456-7890,bad,BUILDING,bad\n");
        long before = postgres.require(DatasetModel.class).count(TpchSchema.DATASET, TpchSchema.CUSTOMER);

        ImportReport report = new FileImporter(TpchSchema.DATASET, TpchSchema.CUSTOMER, m -> {})
                .run(
                        file,
                        ImportFormat.CSV,
                        dir.resolve("strict.rejected.jsonl"),
                        false,
                        true,
                        List.of(postgres, sqlite));

        assertThat(report.refused()).isTrue();
        assertThat(report.failed()).isTrue();
        assertThat(report.stores()).isEmpty();
        assertThat(postgres.require(DatasetModel.class).count(TpchSchema.DATASET, TpchSchema.CUSTOMER))
                .isEqualTo(before);
    }

    @Test
    void aHeaderNamingAnUnknownColumnLoadsNothing() throws IOException {
        Path file = Files.writeString(
                dir.resolve("evil.csv"), "c_custkey,\"c_name) VALUES (1); DROP TABLE nation; --\"\n1701,x\n");
        assertThatThrownBy(() -> new FileImporter(TpchSchema.DATASET, TpchSchema.CUSTOMER, m -> {})
                        .run(
                                file,
                                ImportFormat.CSV,
                                dir.resolve("evil.rejected.jsonl"),
                                false,
                                false,
                                List.of(postgres)))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("does not have");
        assertThat(postgres.require(DatasetModel.class).count(TpchSchema.DATASET, TpchSchema.NATION))
                .isEqualTo(25);
    }

    @Test
    void tpchTblLinesImportLikeDbgenWroteThem() throws IOException {
        Path file = Files.writeString(
                dir.resolve("region.tbl"), "5|ANTARCTICA|icy deposits|\n6|NOWHERE|\n0|AFRICA|exists already|\n");
        ImportReport report = new FileImporter(TpchSchema.DATASET, TpchSchema.REGION, m -> {})
                .run(file, ImportFormat.TBL, dir.resolve("region.rejected.jsonl"), false, false, List.of(sqlite));
        assertThat(report.good()).isEqualTo(1);
        assertThat(report.reasons()).hasSize(2);
        assertThat(sqlite.require(DatasetModel.class).count(TpchSchema.DATASET, TpchSchema.REGION))
                .isEqualTo(6);
    }

    @Test
    void theQuarantineNeverOverwritesTheInputOrAnExistingFileNorMakesADirectory() throws IOException {
        Path file = Files.writeString(dir.resolve("safe.csv"), HEADER + "\n1801,x,addr,3,13-123-456-7890,bad,B,c\n");
        byte[] input = Files.readAllBytes(file);
        FileImporter importer = new FileImporter(TpchSchema.DATASET, TpchSchema.CUSTOMER, m -> {});

        assertThatThrownBy(() -> importer.run(
                        file, ImportFormat.CSV, dir.resolve(".").resolve("safe.csv"), false, false, List.of(sqlite)))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("is the input file");
        assertThat(Files.readAllBytes(file)).isEqualTo(input);

        Path nowhere = dir.resolve("no-such-dir");
        assertThatThrownBy(() ->
                        importer.run(file, ImportFormat.CSV, nowhere.resolve("q.jsonl"), false, false, List.of(sqlite)))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("does not exist");
        assertThat(nowhere).doesNotExist();

        Path mine = Files.writeString(dir.resolve("mine.jsonl"), "my own notes");
        assertThatThrownBy(() -> importer.run(file, ImportFormat.CSV, mine, false, false, List.of(sqlite)))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("exists")
                .satisfies(e -> assertThat(((DbxException) e).userMessage()).contains("--overwrite-quarantine"));
        assertThat(Files.readString(mine)).isEqualTo("my own notes");
        ImportReport overwritten = importer.run(file, ImportFormat.CSV, mine, true, false, List.of(sqlite));
        assertThat(overwritten.quarantined()).isEqualTo(1);
        assertThat(Files.readString(mine)).contains("\"line\":2");

        assertThatThrownBy(() ->
                        importer.run(dir, ImportFormat.CSV, dir.resolve("d.jsonl"), false, false, List.of(sqlite)))
                .isInstanceOf(DbxException.class)
                .hasMessageContaining("is a directory");
    }

    @Test
    void aLineThatIsNotUtf8IsQuarantinedWithItsNumberAndTheOthersLoad() throws IOException {
        Path file = dir.resolve("latin1.csv");
        try (var out = Files.newOutputStream(file)) {
            out.write((HEADER + "\n1901,Customer#000001901,addr,3,13-123-456-7890,1.00,BUILDING,fine\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.write("1902,Customer#000001902,Stra".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(0xDF); // 'ß' in ISO-8859-1: not UTF-8
            out.write("e 1,3,13-123-456-7890,1.00,BUILDING,latin-1\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write("1903,Customer#000001903,addr,3,13-123-456-7890,1.00,BUILDING,fine too\n"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        ImportReport report = new FileImporter(TpchSchema.DATASET, TpchSchema.CUSTOMER, m -> {})
                .run(file, ImportFormat.CSV, dir.resolve("latin1.rejected.jsonl"), false, false, List.of(sqlite));
        assertThat(report.good()).isEqualTo(2);
        assertThat(report.quarantined()).isEqualTo(1);
        JsonNode rejected = JSON.readTree(
                Files.readAllLines(dir.resolve("latin1.rejected.jsonl")).get(0));
        assertThat(rejected.get("line").asInt()).isEqualTo(3);
        assertThat(rejected.get("reason").asText()).isEqualTo("is not valid UTF-8 at byte 29 (0xDF)");
        assertThat(report.reasons()).containsOnlyKeys("is not valid UTF-8");
    }

    @Test
    void aRowThatAnyTargetStoreAlreadyHoldsLoadsIntoNoneOfThem() throws IOException {
        FileImporter importer = new FileImporter(TpchSchema.DATASET, TpchSchema.REGION, m -> {});
        Path seven = Files.writeString(dir.resolve("seven.tbl"), "7|SEVEN|only in sqlite|\n");
        assertThat(importer.run(
                                seven,
                                ImportFormat.TBL,
                                dir.resolve("seven.rejected.jsonl"),
                                false,
                                false,
                                List.of(sqlite))
                        .good())
                .isEqualTo(1);
        long postgresBefore = postgres.require(DatasetModel.class).count(TpchSchema.DATASET, TpchSchema.REGION);

        Path both = Files.writeString(dir.resolve("both.tbl"), "7|SEVEN|again|\n8|EIGHT|new everywhere|\n");
        ImportReport report = importer.run(
                both, ImportFormat.TBL, dir.resolve("both.rejected.jsonl"), false, false, List.of(postgres, sqlite));

        assertThat(report.good()).isEqualTo(1);
        assertThat(report.reasons()).containsOnlyKeys("a row with key already exists in sqlite");
        assertThat(postgres.require(DatasetModel.class).count(TpchSchema.DATASET, TpchSchema.REGION))
                .as("postgres got region 8 only, not 7 which sqlite held")
                .isEqualTo(postgresBefore + 1);
        assertThat(postgres.require(DatasetModel.class)
                        .existingKeys(TpchSchema.DATASET, TpchSchema.REGION, List.of(List.of(7L), List.of(8L))))
                .containsExactly(List.of(8L));
    }

    private static String reasonOf(List<JsonNode> rejected, int line) {
        return rejected.stream()
                .filter(n -> n.get("line").asInt() == line)
                .map(n -> n.get("reason").asText().substring("malformed CSV: ".length()))
                .findFirst()
                .orElse("?");
    }
}
