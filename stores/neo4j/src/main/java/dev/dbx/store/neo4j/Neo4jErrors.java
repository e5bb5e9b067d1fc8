package dev.dbx.store.neo4j;

import dev.dbx.core.DbxException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.SecurityException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;

/** Driver exceptions as one-line {@link DbxException}s that say what went wrong and what to do, without passwords. */
final class Neo4jErrors {
    private static final String DATABASE_NOT_FOUND = "Neo.ClientError.Database.DatabaseNotFound";
    private static final String TIMED_OUT = "Neo.ClientError.Transaction.TransactionTimedOut";
    private static final String CONSTRAINT_FAILED = "Neo.ClientError.Schema.ConstraintValidationFailed";

    private Neo4jErrors() {}

    static DbxException of(BoltTarget target, String doing, Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof DbxException dbx) {
            return dbx;
        }
        String where = target.where();
        String message;
        String hint = null;
        if (e instanceof AuthenticationException) {
            message = "authentication to " + where + " failed "
                    + (target.user() == null ? "(the URI names no user)" : "for user '" + target.user() + "'");
            hint = target.user() == null
                    ? "the server wants credentials: put them in the URI, e.g. bolt://neo4j:password@host:7687"
                    : "check the user and password in the URI";
        } else if (e instanceof SecurityException s) {
            message = "not allowed: " + doing + " on " + where + ": " + s.getMessage();
            hint = "give the user in the URI the privileges to read, write and manage indexes on the database";
        } else if (e instanceof ServiceUnavailableException) {
            message = "no Neo4j server answered at " + where + " while " + doing + ": " + e.getMessage();
            hint =
                    "is the server running and reachable? check host and port (dbx up --engines neo4j starts the local one)";
        } else if (e instanceof SessionExpiredException) {
            message = "lost the connection to " + where + " while " + doing + ": " + e.getMessage();
            hint = "is the server (or cluster member) still up? retry";
        } else if (e instanceof Neo4jException n && code(n).equals(DATABASE_NOT_FOUND)) {
            message = "database '" + target.database() + "' does not exist at " + target.driverUri();
            hint = "name an existing database in the URI path, or none for the server's default database";
        } else if (e instanceof Neo4jException n && code(n).startsWith(TIMED_OUT)) {
            message = doing + " on " + where + " took longer than its time limit";
            hint = "retry with a longer --timeout";
        } else if (e instanceof ClientException c && code(c).equals(CONSTRAINT_FAILED)) {
            message = doing + " broke a uniqueness constraint on " + where + ": " + c.getMessage();
            hint = "keys are unique and this one is already stored (to load again, use --replace)";
        } else if (e instanceof TransientException t) {
            message = doing + " failed on " + where + " even after retries: " + code(t) + ": " + t.getMessage();
            hint = "the server is busy or switching leaders: retry";
        } else if (e instanceof Neo4jException n) {
            message = doing + " failed on " + where + ": " + code(n) + ": " + n.getMessage();
        } else {
            message = doing + " failed on " + where + ": " + e;
        }
        return new DbxException(oneLine(target.withoutPassword(message)), hint, e);
    }

    /** The request did not complete within {@code bound}: the server is stuck, overloaded or unreachable. */
    static DbxException noAnswer(BoltTarget target, String doing, Duration bound) {
        return new DbxException(
                "no answer from " + target.where() + " within " + seconds(bound) + " while " + doing,
                "is the server overloaded or stuck? retry with a longer --timeout");
    }

    static DbxException interrupted(BoltTarget target, String doing) {
        Thread.currentThread().interrupt();
        return new DbxException("interrupted while " + doing + " on " + target.where());
    }

    private static Throwable unwrap(Throwable e) {
        Throwable out = e;
        while ((out instanceof CompletionException || out instanceof ExecutionException) && out.getCause() != null) {
            out = out.getCause();
        }
        return out;
    }

    private static String code(Neo4jException e) {
        return e.code() == null ? "" : e.code();
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ");
    }
}
