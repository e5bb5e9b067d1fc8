package dev.dbx.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDataChunkWriter;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBTableFunction;
import org.duckdb.DuckDBTableFunctionBindInfo;
import org.duckdb.DuckDBTableFunctionCallInfo;
import org.duckdb.DuckDBTableFunctionInitInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Direct vector writes against an in-process DuckDB: the values and nulls DuckDB reads back are the ones written. */
class VectorMemoryTest {
    /** Not a multiple of 64, so the last validity word is partial. */
    private static final int ROWS = 1000;

    @Test
    void thePinnedDriverIsWrittenDirectly() {
        // fails when a duckdb_jdbc upgrade moves the vector's buffers: the load still works, through slow setters
        assertThat(VectorMemory.direct()).isTrue();
    }

    @ParameterizedTest(name = "direct: {0}")
    @ValueSource(booleans = {true, false})
    void longsDatesAndNullsReadBackExactly(boolean direct) throws SQLException {
        long[] longs = new long[ROWS];
        long[] days = new long[ROWS];
        boolean[] nulls = new boolean[ROWS];
        for (int r = 0; r < ROWS; r++) {
            longs[r] = r % 2 == 0 ? Long.MAX_VALUE - r : -r * 1_000_003L;
            days[r] = -800 + r * 37L;
            nulls[r] = r % 7 == 3 || r == ROWS - 1;
        }
        try (DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:")) {
            DuckDBFunctions.tableFunction()
                    .withName("vector_memory_test")
                    .withFunction(new OneChunk(longs, days, nulls, direct))
                    .register(connection);
            List<String> read = new ArrayList<>();
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("SELECT l, nl, d, nd FROM vector_memory_test()")) {
                while (rs.next()) {
                    read.add(rs.getLong(1) + " " + rs.getObject(2) + " " + rs.getObject(3, LocalDate.class) + " "
                            + rs.getObject(4, LocalDate.class));
                }
            }
            List<String> expected = new ArrayList<>();
            for (int r = 0; r < ROWS; r++) {
                LocalDate day = LocalDate.ofEpochDay(days[r]);
                expected.add(longs[r] + " " + (nulls[r] ? null : longs[r]) + " " + day + " " + (nulls[r] ? null : day));
            }
            assertThat(read).containsExactlyElementsOf(expected);
        }
    }

    /** Columns l and d without nulls, nl and nd with them; one chunk of {@link #ROWS} rows. */
    private static final class OneChunk implements DuckDBTableFunction<Object, Object, Object> {
        private final long[] longs;
        private final long[] days;
        private final boolean[] nulls;
        private final boolean direct;
        private boolean done;

        OneChunk(long[] longs, long[] days, boolean[] nulls, boolean direct) {
            this.longs = longs;
            this.days = days;
            this.nulls = nulls;
            this.direct = direct;
        }

        @Override
        public Object bind(DuckDBTableFunctionBindInfo info) {
            info.addResultColumn("l", DuckDBColumnType.BIGINT);
            info.addResultColumn("nl", DuckDBColumnType.BIGINT);
            info.addResultColumn("d", DuckDBColumnType.DATE);
            info.addResultColumn("nd", DuckDBColumnType.DATE);
            return null;
        }

        @Override
        public Object init(DuckDBTableFunctionInitInfo info) {
            return null;
        }

        @Override
        public long apply(DuckDBTableFunctionCallInfo info, DuckDBDataChunkWriter out) {
            if (done) {
                return 0;
            }
            done = true;
            VectorMemory.putLongs(out.vector(0), longs, null, ROWS, direct);
            VectorMemory.putLongs(out.vector(1), longs, nulls, ROWS, direct);
            VectorMemory.putDays(out.vector(2), days, null, ROWS, direct);
            VectorMemory.putDays(out.vector(3), days, nulls, ROWS, direct);
            return ROWS;
        }
    }
}
