package dev.dbx.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/runs.md describes the schema a run store really has, and its example queries run on one. */
class SchemaDocumentedTest {
    @TempDir
    Path dir;

    private static String doc() throws Exception {
        // surefire runs in the module's directory; the docs are beside it
        Path doc = Path.of(System.getProperty("user.dir")).resolve("../docs/runs.md");
        assertThat(doc).exists();
        return Files.readString(doc);
    }

    @Test
    void theSchemaFileIsThere() {
        assertThat(Schema.statements(Schema.RESOURCE))
                .anySatisfy(s -> assertThat(s).startsWith("CREATE TABLE run "))
                .anySatisfy(s -> assertThat(s).startsWith("CREATE TABLE operation "))
                .noneSatisfy(s -> assertThat(s).contains("--"));
    }

    @Test
    void everyTableAndColumnIsDocumented() throws Exception {
        String doc = doc();
        try (RunStore store = RunStore.open(dir)) {
            store.save(RunStoreTest.everything("r1"));
        }
        List<String> tables = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(RunStore.FILE));
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("run", "store_run", "operation", "second", "resource", "schema_version");
            for (String table : tables) {
                String section = section(doc, table);
                try (ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
                    while (rs.next()) {
                        assertThat(section)
                                .as("docs/runs.md, section " + table)
                                .contains("`" + rs.getString("name") + "`");
                    }
                }
            }
        }
    }

    @Test
    void theExampleQueriesRunAndFindTheRun() throws Exception {
        try (RunStore store = RunStore.open(dir)) {
            store.save(RunStoreTest.everything("r1"));
            store.save(QueryRunsTest.tpch("r2"));
        }
        Matcher blocks = Pattern.compile("```sql\n(.*?)```", Pattern.DOTALL).matcher(doc());
        int queries = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(RunStore.FILE));
                Statement s = c.createStatement()) {
            while (blocks.find()) {
                queries++;
                try (ResultSet rs = s.executeQuery(blocks.group(1))) {
                    assertThat(rs.next()).as(blocks.group(1)).isTrue();
                }
            }
        }
        assertThat(queries).isGreaterThanOrEqualTo(2);
    }

    /** The text from "### `table`" to the next heading. */
    private static String section(String doc, String table) {
        int start = doc.indexOf("### `" + table + "`");
        assertThat(start).as("docs/runs.md has a section for table " + table).isNotNegative();
        int end = doc.indexOf("\n#", start + 4);
        return doc.substring(start, end < 0 ? doc.length() : end);
    }
}
