package dev.dbx.app.report;

import dev.dbx.lab.Sweeps;
import dev.dbx.workloads.runner.BenchmarkRun;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs of one group that differ in one numeric setting ("threads=8", "rate=2000"): a sweep, drawn as curves of
 * throughput and p99 against that setting. A repeat ("repeat 2 of 3") is a group too, but not a sweep.
 *
 * @param key the setting swept, e.g. "threads"
 * @param points the runs in order of the setting's value
 */
record Sweep(String group, String key, List<Point> points) {
    private static final Pattern VARIANT = Pattern.compile("\\s*([A-Za-z][\\w-]*)\\s*=\\s*([0-9]+(?:\\.[0-9]+)?)\\s*");

    record Point(double value, RunView run) {}

    /** The sweeps among these runs: groups of two or more runs whose variants all set the same key to a number. */
    static List<Sweep> find(List<RunView> runs) {
        Map<String, List<RunView>> groups = new LinkedHashMap<>();
        for (RunView view : runs) {
            groups.computeIfAbsent(view.run().group(), g -> new ArrayList<>()).add(view);
        }
        List<Sweep> sweeps = new ArrayList<>();
        groups.forEach((group, members) -> of(group, members).ifPresent(sweeps::add));
        return sweeps;
    }

    private static Optional<Sweep> of(String group, List<RunView> members) {
        if (members.size() < 2) {
            return Optional.empty();
        }
        String key = null;
        List<Point> points = new ArrayList<>();
        for (RunView view : members) {
            Matcher m = VARIANT.matcher(
                    view.run().variant() == null ? "" : view.run().variant());
            if (!m.matches() || (key != null && !key.equals(m.group(1)))) {
                return Optional.empty();
            }
            key = m.group(1);
            points.add(new Point(Double.parseDouble(m.group(2)), view));
        }
        points.sort(Comparator.comparingDouble(Point::value));
        return Optional.of(new Sweep(group, key, List.copyOf(points)));
    }

    String workload() {
        return points.getFirst().run().run().workload();
    }

    String title() {
        return "Sweep of " + key + ": " + workload();
    }

    String summary() {
        return points.size() + " runs of group " + group + ", one per value of " + key + ".";
    }

    /** Whether the swept setting is the offered rate: latency against it is the hockey stick. */
    boolean offeredRate() {
        return key.equals("rate");
    }

    /** Every store in the sweep, in the order they first appear. */
    List<String> stores() {
        LinkedHashSet<String> stores = new LinkedHashSet<>();
        points.forEach(p -> p.run().stores().forEach(s -> stores.add(s.run().store())));
        return List.copyOf(stores);
    }

    /** A store's figures at one point, if it was measured there. */
    static Optional<StoreSummary> at(Point point, String store) {
        return point.run().measured().stream()
                .filter(s -> s.run().store().equals(store))
                .findFirst();
    }

    /** The sweep as a table: one row per setting, throughput and p99 per store. */
    Table table() {
        List<String> stores = stores();
        List<String> headers = new ArrayList<>();
        headers.add(key);
        for (String store : stores) {
            headers.add(store + " ops/s");
            headers.add(store + " p99 ms");
        }
        Table table = new Table(
                "sweep",
                "Sweep " + key + " (" + workload() + "): throughput and p99 response time per store",
                headers.toArray(String[]::new));
        for (Point point : points) {
            List<String> row = new ArrayList<>();
            row.add(point.run().run().variant());
            for (String store : stores) {
                Optional<StoreSummary> s = at(point, store);
                row.add(s.map(x -> Numbers.rate(x.run().opsPerSecond())).orElse(null));
                row.add(s.map(x -> Numbers.ms(x.responseMicros(99))).orElse(null));
            }
            table.row(row.toArray(String[]::new));
        }
        return table;
    }

    /** One line per store: where it saturates, as dbx bench finds it (the lab's rule, so both say the same). */
    List<String> saturationLines() {
        List<BenchmarkRun> runs = points.stream().map(p -> p.run().run()).toList();
        return Sweeps.of(runs).stream().map(s -> s.store() + ": " + s.summary()).toList();
    }
}
