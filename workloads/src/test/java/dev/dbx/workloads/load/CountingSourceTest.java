package dev.dbx.workloads.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.dataset.ColumnBatch;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.dataset.YcsbSchema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountingSourceTest {
    private static final Entity USERTABLE = YcsbSchema.USERTABLE;
    private static final int ROWS = 5;

    @Test
    void countsRowsTakenOneByOneOrInBatchesAndKeepsTheSourcesOwnBatches() {
        List<String> batchesMadeBySource = new ArrayList<>();
        DatasetSource source = new DatasetSource() {
            @Override
            public Dataset dataset() {
                return YcsbSchema.DATASET;
            }

            @Override
            public long rowCount(Entity entity) {
                return ROWS;
            }

            @Override
            public String description() {
                return "five rows";
            }

            @Override
            public RowStream rows(Entity entity) {
                return new RowStream() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < ROWS;
                    }

                    @Override
                    public Object[] next() {
                        Object[] row = new Object[USERTABLE.columns().size()];
                        row[0] = "user" + next++;
                        return row;
                    }

                    @Override
                    public int nextBatch(ColumnBatch batch) {
                        batchesMadeBySource.add("batch");
                        return RowStream.super.nextBatch(batch);
                    }
                };
            }
        };

        CountingSource counting = new CountingSource(source);
        try (RowStream rows = counting.rows(USERTABLE)) {
            ColumnBatch batch = new ColumnBatch(USERTABLE.columns(), 2);
            assertThat(rows.nextBatch(batch)).isEqualTo(2);
            assertThat(counting.taken(USERTABLE.name())).isEqualTo(2);
            rows.next();
            assertThat(counting.taken(USERTABLE.name())).isEqualTo(3);
            assertThat(rows.nextBatch(batch)).isEqualTo(2);
            assertThat(rows.nextBatch(batch)).isZero();
        }
        assertThat(counting.takenTotal()).isEqualTo(ROWS);
        assertThat(batchesMadeBySource).hasSize(3);
    }
}
