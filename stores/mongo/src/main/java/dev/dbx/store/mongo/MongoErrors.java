package dev.dbx.store.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import dev.dbx.core.DbxException;
import dev.dbx.core.Uris;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Driver exceptions as one-line {@link DbxException}s that say what went wrong and what to do, without passwords. */
final class MongoErrors {
    /** MongoDB's error code for a command a user lacks the privileges for. */
    private static final int UNAUTHORIZED = 13;

    private MongoErrors() {}

    static DbxException of(URI uri, Duration timeout, String doing, MongoException e) {
        String where = where(uri);
        String message;
        String hint = null;
        if (e instanceof MongoSecurityException) {
            message = "authentication to " + where + " failed for user '" + Uris.user(uri, "") + "'";
            hint = "check the user and password in the URI (and authSource, if the user lives in another database)";
        } else if (lostConnection(e) != null) {
            message = "lost the connection to " + where + " while " + doing + ": "
                    + lostConnection(e).getMessage();
            hint = "is the server still running? (a local engine's log says why it stopped)";
        } else if (e instanceof MongoSocketReadTimeoutException) {
            message = "no answer from " + where + " within " + seconds(timeout) + " while " + doing;
            hint = "the server is slow or overloaded: retry with a longer --timeout";
        } else if (e instanceof MongoOperationTimeoutException || e instanceof MongoExecutionTimeoutException) {
            message = doing + " on " + where + " took longer than its time limit";
            hint = "retry with a longer --timeout (--query-timeout for a benchmark's queries), or a smaller load";
        } else if (e instanceof MongoTimeoutException) {
            message = "no MongoDB server answered at " + where + " within " + seconds(timeout);
            hint =
                    "is the server running and reachable? check host and port (dbx up --engines mongo starts the local one)";
        } else if (e instanceof MongoCommandException c && c.getErrorCode() == UNAUTHORIZED) {
            message = "not authorized for " + doing + " on " + where + ": " + c.getErrorMessage();
            hint = "give a user with readWrite and dbAdmin roles on the database in the URI";
        } else if (e instanceof MongoCommandException c) {
            message = doing + " failed on " + where + ": " + c.getErrorCodeName() + " (" + c.getErrorCode() + "): "
                    + c.getErrorMessage();
        } else if (e instanceof MongoBulkWriteException b) {
            message = doing + " failed on " + where + ": " + describe(b.getWriteErrors());
        } else if (e instanceof MongoWriteException w) {
            message = doing + " failed on " + where + ": " + w.getError().getMessage() + " (code "
                    + w.getError().getCode() + ")";
        } else {
            message = doing + " failed on " + where + ": " + e.getMessage();
        }
        return new DbxException(oneLine(MongoStoreProvider.withoutPassword(uri, message)), hint, e);
    }

    private static String describe(List<BulkWriteError> errors) {
        if (errors.isEmpty()) {
            return "write concern error";
        }
        BulkWriteError first = errors.get(0);
        return errors.size() + " document(s) refused, the first (#" + first.getIndex() + ") with code "
                + first.getCode() + ": " + first.getMessage();
    }

    /** Host(s) and database: what a user needs to recognise the server, never the credentials. */
    private static String where(URI uri) {
        String text = Uris.redact(uri);
        int at = text.indexOf('@');
        int scheme = text.indexOf("://");
        return at > scheme && scheme >= 0 ? text.substring(0, scheme + 3) + text.substring(at + 1) : text;
    }

    /** The broken connection behind {@code e} (a timed-out operation may hide one), or null. */
    private static MongoSocketException lostConnection(MongoException e) {
        Throwable t = e instanceof MongoOperationTimeoutException ? e.getCause() : e;
        return t instanceof MongoSocketException s && !(t instanceof MongoSocketReadTimeoutException) ? s : null;
    }

    private static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ");
    }
}
