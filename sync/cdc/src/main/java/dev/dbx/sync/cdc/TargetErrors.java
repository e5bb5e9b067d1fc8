package dev.dbx.sync.cdc;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Which failures of a target are transient by their shape alone, whatever the store: the cause chain holds an I/O
 * error (connection refused or reset), a timeout, a JDBC transient or recoverable error, or an SQLSTATE of class 08
 * (connection), 40 (rollback: serialization failure, deadlock), 53 (insufficient resources) or 57 (operator
 * intervention, e.g. the server shutting down). The applier also asks the target's health check before it takes any
 * other failure as a rejection of the events.
 */
final class TargetErrors {
    private static final Set<String> TRANSIENT_SQLSTATE_CLASSES = Set.of("08", "40", "53", "57");

    private TargetErrors() {}

    static boolean transientShape(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof IOException
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
