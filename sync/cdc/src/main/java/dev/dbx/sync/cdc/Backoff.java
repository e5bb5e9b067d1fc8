package dev.dbx.sync.cdc;

import java.time.Duration;

/** Waits that double from a first one up to a longest one: 100 ms, 200 ms, 400 ms, ... 5 s, 5 s. */
final class Backoff {
    private final Duration max;
    private Duration next;

    Backoff(Duration start, Duration max) {
        this.max = max;
        this.next = start;
    }

    Duration next() {
        Duration now = next;
        next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
        return now;
    }
}
