package dev.dbx.app;

import dev.dbx.lab.Loads;
import dev.dbx.lab.StoreTarget;
import dev.dbx.workloads.load.CountingSource;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows a load as it goes, on stderr: a progress bar per store, redrawn in place on a terminal and a line every 10 s
 * otherwise (logs, CI), and a line for a store that failed. Reads the counts of the source the store takes its rows
 * from, so it works for every store alike.
 */
final class LoadProgress implements Loads.Listener {
    private static final int WIDTH = 24;

    private final PrintStream out;
    private final boolean terminal = Terminal.isInteractive();
    private volatile Bar bar;

    LoadProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void started(StoreTarget target, CountingSource source) {
        bar = new Bar(target.storeId(), source);
    }

    /** The store being loaded now, if any. */
    java.util.Optional<String> current() {
        Bar b = bar;
        return b == null ? java.util.Optional.empty() : java.util.Optional.of(b.store);
    }

    @Override
    public void finished(Loads.Outcome outcome) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        if (outcome.error() != null) {
            if (outcome.unexpected() != null) {
                Logging.error("load into " + outcome.target().storeId() + " failed", outcome.unexpected());
                out.println("  ✗ " + outcome.target().storeId() + ": " + outcome.error() + " (details in "
                        + Logging.file() + ")");
            } else {
                out.println("  ✗ " + outcome.target().storeId() + ": " + outcome.error());
            }
        }
    }

    /** One store's bar, drawn by a thread of its own until closed. */
    private final class Bar {
        private final String store;
        private final CountingSource source;
        private final long start = System.nanoTime();
        private final Thread thread;
        private volatile boolean done;

        Bar(String store, CountingSource source) {
            this.store = store;
            this.source = source;
            this.thread = Thread.ofPlatform().daemon().name("dbx-progress").start(this::run);
        }

        private void run() {
            long interval = terminal ? 250 : 10_000;
            while (!done) {
                try {
                    Thread.sleep(interval);
                } catch (InterruptedException e) {
                    return;
                }
                if (!done) {
                    draw(false);
                }
            }
        }

        private synchronized void draw(boolean last) {
            long taken = source.takenTotal();
            long expected = Math.max(1, source.expectedTotal());
            double fraction = Math.min(1.0, taken / (double) expected);
            double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
            int filled = (int) Math.round(fraction * WIDTH);
            String entity = source.currentEntity() == null ? "" : source.currentEntity();
            String line = String.format(
                    Locale.ROOT,
                    "  %-13s [%s%s] %3d%%  %-9s %,12d rows  %,10.0f rows/s",
                    store,
                    "#".repeat(filled),
                    ".".repeat(WIDTH - filled),
                    (int) Math.round(fraction * 100),
                    entity,
                    taken,
                    taken / seconds);
            if (terminal) {
                out.print("\r" + line + (last ? System.lineSeparator() : ""));
            } else if (!last) {
                out.println(line);
            }
            out.flush();
        }

        void close() {
            done = true;
            thread.interrupt();
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            draw(true);
        }
    }
}
