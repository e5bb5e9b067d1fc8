package dev.dbx.app.report;

import dev.dbx.app.Format;
import dev.dbx.workloads.runner.BenchmarkRun;
import dev.dbx.workloads.runner.OperationStats;
import dev.dbx.workloads.runner.StoreRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** The tables that describe one run, in every format. */
final class RunTables {
    private RunTables() {}

    /** Every table of a run, in the order a reader wants them; empty tables left out. */
    static List<Table> all(RunView view) {
        if (QueryTables.isQueryRun(view)) {
            return QueryTables.all(view);
        }
        List<Table> tables = new ArrayList<>();
        tables.add(results(view));
        tables.add(stores(view));
        tables.add(serviceTimes(view));
        tables.add(operations(view));
        tables.add(errors(view));
        tables.add(wrongAnswers(view));
        tables.add(settings(view.run()));
        return tables.stream().filter(t -> !t.isEmpty()).toList();
    }

    /** Throughput, response-time percentiles, errors, answers and resources per store. */
    static Table results(RunView view) {
        Table table = new Table(
                "results",
                "Results (latency is response time, from each operation's intended start, in ms)",
                "store",
                "ops/s",
                "p50",
                "p95",
                "p99",
                "p99.9",
                "max",
                "errors",
                "wrong answers",
                "server CPU mean / peak",
                "server memory peak",
                "dbx CPU mean / peak",
                "dbx CPU per op",
                "status");
        for (StoreSummary s : view.stores()) {
            StoreRun r = s.run();
            boolean ran = s.measured();
            String absence = s.serverFiguresAbsence();
            Long memory = s.serverMemoryPeak();
            table.row(
                    r.store(),
                    ran ? Numbers.rate(r.opsPerSecond()) : null,
                    ran ? Numbers.ms(s.responseMicros(50)) : null,
                    ran ? Numbers.ms(s.responseMicros(95)) : null,
                    ran ? Numbers.ms(s.responseMicros(99)) : null,
                    ran ? Numbers.ms(s.responseMicros(99.9)) : null,
                    ran ? Numbers.ms(s.response().getMaxValue()) : null,
                    Numbers.count(r.totalErrors()),
                    Numbers.count(r.wrongAnswers()),
                    s.serverCpu().getCount() > 0 ? Numbers.meanAndPeak(s.serverCpu()) : absence,
                    memory != null ? Format.bytes(memory) : absence,
                    Numbers.meanAndPeak(s.dbxCpu()),
                    ran ? Numbers.micros(r.dbxCpuMicrosPerOperation()) : null,
                    status(r));
        }
        return table;
    }

    /** Who was measured and under which guarantees: a write throughput means little without its durability. */
    static Table stores(RunView view) {
        Table table = new Table("stores", "Stores", "store", "server", "placement", "durability", "update", "mode");
        for (StoreSummary s : view.stores()) {
            StoreRun r = s.run();
            table.row(
                    r.store(),
                    r.server(),
                    r.placement(),
                    s.durability(),
                    r.semantics().get("update"),
                    r.mode());
        }
        return table;
    }

    /** Service time where it differs from response time (an open loop with queueing): what a stall hides. */
    static Table serviceTimes(RunView view) {
        Table table = new Table(
                "service",
                "Service time (from each operation's actual start, in ms): where it differs from response time",
                "store",
                "p50",
                "p95",
                "p99",
                "p99.9",
                "max");
        for (StoreSummary s : view.measured()) {
            if (s.serviceDiffers()) {
                table.row(
                        s.run().store(),
                        Numbers.ms(s.serviceMicros(50)),
                        Numbers.ms(s.serviceMicros(95)),
                        Numbers.ms(s.serviceMicros(99)),
                        Numbers.ms(s.serviceMicros(99.9)),
                        Numbers.ms(s.service().getMaxValue()));
            }
        }
        return table;
    }

    /** Each operation kind on its own: a read and an update are not the same cost. */
    static Table operations(RunView view) {
        Table table = new Table(
                "operations",
                "Operations (response time in ms)",
                "store",
                "operation",
                "count",
                "errors",
                "p50",
                "p99",
                "p99.9",
                "max");
        for (StoreSummary s : view.stores()) {
            for (OperationStats op : s.run().operations()) {
                Histogram h = op.response();
                boolean any = h.getTotalCount() > 0;
                table.row(
                        s.run().store(),
                        op.name(),
                        Numbers.count(op.count()),
                        Numbers.count(op.errors()),
                        any ? Numbers.ms(h.getValueAtPercentile(50)) : null,
                        any ? Numbers.ms(h.getValueAtPercentile(99)) : null,
                        any ? Numbers.ms(h.getValueAtPercentile(99.9)) : null,
                        any ? Numbers.ms(h.getMaxValue()) : null);
            }
        }
        return table;
    }

    static Table errors(RunView view) {
        Table table = new Table("errors", "Errors by kind", "store", "kind", "count");
        for (StoreSummary s : view.stores()) {
            new TreeMap<>(s.run().errors())
                    .forEach((kind, count) -> table.row(s.run().store(), kind, Numbers.count(count)));
        }
        return table;
    }

    static Table wrongAnswers(RunView view) {
        Table table = new Table(
                "wrong-answers", "Wrong answers (the first few, as the runner described them)", "store", "example");
        for (StoreSummary s : view.stores()) {
            s.run().wrongExamples().forEach(example -> table.row(s.run().store(), example));
        }
        return table;
    }

    /** What the run was: its settings as given, the workload's parameters, the machine and dbx's revision. */
    static Table settings(BenchmarkRun run) {
        Table table = new Table("run", "Run", "setting", "value");
        table.row("id", run.id());
        table.row("group", run.group());
        if (run.variant() != null && !run.variant().isBlank()) {
            table.row("variant", run.variant());
        }
        table.row("workload", run.workload());
        if (run.description() != null && !run.description().isBlank()) {
            table.row("description", run.description());
        }
        table.row("started", Numbers.utc(run.started()));
        table.row("dbx revision", run.revision());
        prefixed(table, "config", run.config());
        prefixed(table, "parameter", run.parameters());
        prefixed(table, "machine", run.machine());
        return table;
    }

    /** How a store's run ended, with why when it ended early or answered wrong. */
    static String status(StoreRun run) {
        String status = run.status().name().toLowerCase(Locale.ROOT);
        return run.reason() == null || run.reason().isBlank() ? status : status + ": " + run.reason();
    }

    private static void prefixed(Table table, String prefix, Map<String, String> values) {
        new TreeMap<>(values).forEach((key, value) -> table.row(prefix + " " + key, value));
    }
}
