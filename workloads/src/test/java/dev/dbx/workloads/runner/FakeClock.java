package dev.dbx.workloads.runner;

/**
 * Time that moves only when the clients make it: an operation "takes" the time its worker says, and a client waiting
 * for its next intended start jumps there. The runner's own thread (the one that made the clock) waits instead until
 * the clients have moved time to the moment it waits for, and the clients wait for it to look before they go past
 * that moment: the runner's seconds then hold exactly what happened in them, whatever the machine's speed. When the
 * run is over the runner releases them.
 */
final class FakeClock implements RunClock {
    private final Thread ticker = Thread.currentThread();
    private long now = 1_000_000_000L;
    /**
     * The moment the runner waits for; clients do not go past it until the runner has looked. Until it first waits,
     * clients do not move time at all (they would otherwise run ahead while it is still starting them).
     */
    private long barrier = now;

    private boolean released;

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized void sleepUntil(long nanos) throws InterruptedException {
        if (Thread.currentThread() == ticker) {
            barrier = nanos;
            notifyAll();
            while (now < nanos && !released) {
                wait(5);
            }
        } else {
            moveTo(nanos);
        }
    }

    @Override
    public synchronized void release() {
        released = true;
        notifyAll();
    }

    /** An operation taking {@code nanos}. */
    synchronized void advance(long nanos) {
        try {
            moveTo(now + nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void moveTo(long target) throws InterruptedException {
        long lookedAt = barrier;
        // a client that has reached the runner's moment waits for the runner to look before it moves on
        while (Thread.currentThread() != ticker && now >= barrier && barrier == lookedAt && !released) {
            wait(5);
        }
        if (target > now) {
            now = target;
            notifyAll();
        }
    }
}
