package dev.dbx.core.capability;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A {@link ServerResources} read through a client of its own, never a benchmark session's: the client is made at the
 * first reading ({@link #connect()}), kept, and asked once a reading ({@link #read(AutoCloseable)}). What a store adds
 * is only its own: how to make the client, what to ask and how to read the answer.
 *
 * <p>Readings never throw: a failed connect or request gives {@link Reading#NONE}. After a failed connect the next
 * attempt waits {@link #RETRY_AFTER}, so a dead server costs at most one connect timeout per that period; once made,
 * the client is kept and asked again at each reading, so it must get over a restarted server by itself. Where making
 * the client does not reach the server (a driver that connects lazily), a dead server shows at the request instead,
 * and each reading's request is bounded by the store's timeout for it. After {@link #close()} a reading gives no
 * figures and no client is made again. Readings and closing are serialised: one request at a time.
 *
 * @param <C> the client: a connection, or a driver's client with one connection
 */
public abstract class OwnClientResources<C extends AutoCloseable> implements ServerResources, AutoCloseable {
    /** How long to wait after a failed connect before trying again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final Duration retryAfter;
    private final LongSupplier nanoTime;
    private C client;
    private long nextConnect;
    private boolean closed;

    protected OwnClientResources() {
        this(RETRY_AFTER, System::nanoTime);
    }

    /** For tests: the wait after a failed connect, and the clock that measures it ({@link System#nanoTime()}'s kind). */
    OwnClientResources(Duration retryAfter, LongSupplier nanoTime) {
        this.retryAfter = retryAfter;
        this.nanoTime = nanoTime;
        this.nextConnect = nanoTime.getAsLong();
    }

    /**
     * Makes the client of its own, with the short timeout ({@link ServerResources#timeout(Duration)}); a failure is
     * thrown (and gives a reading without figures).
     */
    protected abstract C connect();

    /** One reading through the client; a failure is thrown (and gives a reading without figures). */
    protected abstract Reading read(C client);

    @Override
    public final synchronized Reading read() {
        if (closed) {
            return Reading.NONE;
        }
        try {
            if (client == null) {
                if (nanoTime.getAsLong() - nextConnect < 0) {
                    return Reading.NONE;
                }
                try {
                    client = connect();
                } finally {
                    if (client == null) {
                        nextConnect = nanoTime.getAsLong() + retryAfter.toNanos();
                    }
                }
            }
            return read(client);
        } catch (RuntimeException e) {
            return Reading.NONE;
        }
    }

    /** Closes the client, if one was made; readings give no figures from now on. */
    @Override
    public final synchronized void close() {
        closed = true;
        C made = client;
        client = null;
        if (made != null) {
            try {
                made.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("closing the client of a server's resource figures", e);
            }
        }
    }
}
