package dev.dbx.workloads.dataset;

import dev.dbx.core.DbxException;
import dev.dbx.core.dataset.Column;
import dev.dbx.core.dataset.Dataset;
import dev.dbx.core.dataset.DatasetSource;
import dev.dbx.core.dataset.Entity;
import dev.dbx.core.dataset.RowStream;
import dev.dbx.core.dataset.TpchSchema;
import io.trino.tpch.TextPool;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * TPC-H rows at any scale factor, from {@code io.trino.tpch} (deterministic: the same rows as the reference dbgen),
 * generated on the fly as canonical values.
 */
public final class TpchSource implements DatasetSource {
    private static final double[] SCALES = {1, 10, 100, 1_000, 10_000};

    private final double scale;

    /**
     * The generator's 300 MB text pool (comments come from it), held for as long as this source lives: the library
     * keeps it strongly for only 10 s, then behind a SoftReference, so under heap pressure it would be dropped and
     * rebuilt (seconds each time) in the middle of a load.
     */
    @SuppressWarnings({"unused", "FieldCanBeLocal"})
    private final TextPool textPool;

    public TpchSource(double scale) {
        if (!(scale > 0) || scale > 1000) {
            throw new DbxException("scale factor " + scale + " is out of range", "use a number from 0.001 to 1000");
        }
        this.scale = scale;
        this.textPool = TextPool.getDefaultTextPool().get();
    }

    public double scale() {
        return scale;
    }

    @Override
    public Dataset dataset() {
        return TpchSchema.DATASET;
    }

    @Override
    public String description() {
        return "TPC-H SF " + formatScale(scale);
    }

    /** Exact for every table but lineitem, whose count (about 4 per order) is estimated. */
    @Override
    public long rowCount(Entity entity) {
        return switch (entity.name()) {
            case "region" -> 5;
            case "nation" -> 25;
            case "supplier" -> (long) (10_000 * scale);
            case "customer" -> (long) (150_000 * scale);
            case "part" -> (long) (200_000 * scale);
            case "partsupp" -> (long) (800_000 * scale);
            case "orders" -> (long) (1_500_000 * scale);
            case "lineitem" -> (long) (6_001_215 * scale);
            default -> throw new DbxException("TPC-H has no table " + entity.name());
        };
    }

    @Override
    public RowStream rows(Entity entity) {
        return rows(entity, 1, 1);
    }

    /** Part {@code part} (1-based) of {@code partCount} of the entity's rows, for loading in parallel. */
    public RowStream rows(Entity entity, int part, int partCount) {
        return stream(TpchTable.getTable(entity.name()), entity, part, partCount);
    }

    private <E extends TpchEntity> RowStream stream(TpchTable<E> table, Entity entity, int part, int partCount) {
        List<TpchColumn<E>> columns = table.getColumns();
        if (columns.size() != entity.columns().size()) {
            throw new IllegalStateException("TPC-H table " + table.getTableName() + " does not match the schema");
        }
        Iterator<E> it = table.createGenerator(scale, part, partCount).iterator();
        return RowStream.of(new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Object[] next() {
                E e = it.next();
                Object[] row = new Object[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = value(entity.columns().get(i), columns.get(i), e);
                }
                return row;
            }
        });
    }

    private static <E extends TpchEntity> Object value(Column column, TpchColumn<E> source, E e) {
        return switch (source.getType().getBase()) {
            case IDENTIFIER -> source.getIdentifier(e);
            case INTEGER -> (long) source.getInteger(e);
            case DATE -> LocalDate.ofEpochDay(source.getDate(e));
            // TPC-H money is whole cents: unscaled long + scale is exact and avoids Double.toString (slow).
            case DOUBLE -> BigDecimal.valueOf(Math.round(source.getDouble(e) * SCALES[column.scale()]), column.scale());
            case VARCHAR -> source.getString(e);
        };
    }

    public static String formatScale(double scale) {
        return BigDecimal.valueOf(scale).stripTrailingZeros().toPlainString().toLowerCase(Locale.ROOT);
    }
}
