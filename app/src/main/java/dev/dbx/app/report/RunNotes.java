package dev.dbx.app.report;

import dev.dbx.workloads.runner.StoreRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What a reader must know before comparing a run's figures, said in sentences (the same in every format). */
final class RunNotes {
    private RunNotes() {}

    static List<String> of(RunView view) {
        List<String> notes = new ArrayList<>();
        List<StoreSummary> measured = view.measured();
        boolean closedLoop = measured.stream()
                .map(s -> s.run().mode())
                .filter(Objects::nonNull)
                .anyMatch(mode -> mode.startsWith("closed loop"));
        if (closedLoop) {
            notes.add("Closed loop: each thread starts its next operation when its last one ends, so the latencies"
                    + " leave out the queueing a client arriving on its own schedule would see (coordinated"
                    + " omission). Run with --rate for an open loop, which records response time from each"
                    + " operation's intended start.");
        }
        Map<String, String> durabilities = new LinkedHashMap<>();
        measured.forEach(s -> durabilities.put(s.run().store(), Objects.toString(s.durability(), "not declared")));
        if (durabilities.values().stream().distinct().count() > 1) {
            notes.add("The stores ran with different durability settings, so their write throughputs compare"
                    + " different guarantees: "
                    + String.join(
                            "; ",
                            durabilities.entrySet().stream()
                                    .map(e -> e.getKey() + ": " + e.getValue())
                                    .toList())
                    + ".");
        }
        for (StoreSummary s : view.stores()) {
            StoreRun r = s.run();
            if (r.wrongAnswers() > 0) {
                notes.add(r.store() + " gave " + Numbers.count(r.wrongAnswers())
                        + " wrong answer(s): its run is a failure, however fast it was.");
            }
            if (r.status() == StoreRun.Status.PARTIAL) {
                notes.add(r.store() + " stopped early (" + RunTables.status(r) + "): its figures are partial.");
            }
            if (r.status() == StoreRun.Status.FAILED) {
                notes.add(r.store() + " did not run: " + Objects.toString(r.reason(), "no reason given") + ".");
            }
        }
        return notes;
    }
}
