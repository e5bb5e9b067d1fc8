package dev.dbx.sync.cdc;

import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Which failures of a target are transient by their shape alone, whatever the store: the cause chain holds a socket
 * error (connection refused or reset), a timeout, a connection closed mid-answer, a JDBC transient or recoverable
 * error, or an SQLSTATE of class 08
 * (connection), 40 (rollback: serialization failure, deadlock), 53 (insufficient resources) or 57 (operator
 * intervention, e.g. the server shutting down). Not any {@link java.io.IOException}: an HTTP client reports a 400
 * answer (a document the server refuses) as one. The applier also asks the target's health check before it takes any
 * other failure as a rejection of the events.
 */
final class TargetErrors {
    private static final Set<String> TRANSIENT_SQLSTATE_CLASSES = Set.of("08", "40", "53", "57");

    private TargetErrors() {}

    static boolean transientShape(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof SocketException
                    || e instanceof InterruptedIOException
                    || e instanceof EOFException
                    || e instanceof ClosedChannelException
                    || e instanceof TimeoutException
                    || e instanceof SQLTransientException
                    || e instanceof SQLRecoverableException
                    || e.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
            if (e instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().length() >= 2
                    && TRANSIENT_SQLSTATE_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
        }
        return false;
    }
}
