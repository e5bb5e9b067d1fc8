package dev.dbx.store.redis;

import dev.dbx.core.DbxException;
import dev.dbx.core.Uris;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.function.Supplier;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Lettuce and Jedis failures as one-line messages for people: what failed, where, and what to check. Never a
 * password.
 */
final class RedisErrors {
    private RedisErrors() {}

    /** Opening a connection failed: a dead server, bad credentials, a database number the server lacks, TLS. */
    static DbxException cannotConnect(RedisTarget target, Throwable e) {
        String why = rootMessage(e);
        String lower = why.toLowerCase(Locale.ROOT);
        if (lower.contains("wrongpass")
                || lower.contains("noauth")
                || lower.contains("invalid password")
                || lower.contains("invalid username-password")
                || lower.contains("without any password")) {
            return new DbxException(
                    "redis at " + target.where() + " refused the credentials: " + why,
                    "check the user and password in the URI, e.g. " + RedisTarget.EXAMPLE,
                    e);
        }
        if (lower.contains("db index is out of range") || lower.contains("invalid db index")) {
            return new DbxException(
                    "redis at " + target.where() + " has no such database: " + why,
                    "use a database number the server has (see its 'databases' setting)",
                    e);
        }
        if (lower.contains("closed prematurely")) {
            return new DbxException(
                    "redis at " + target.where() + " closed the connection while it was being set up: " + why,
                    "check the user and password in the URI, and that the server is not restarting",
                    e);
        }
        return new DbxException(
                "cannot reach redis at " + target.where() + ": " + why,
                "check that the server runs and the URI is right (dbx status shows local engines)",
                e);
    }

    /** Runs {@code action}, turning a Lettuce failure into a message for people about {@code doing}. */
    static <T> T call(String doing, Supplier<T> action) {
        try {
            return action.get();
        } catch (DbxException e) {
            throw e;
        } catch (RedisException e) {
            throw failed(doing, e);
        }
    }

    /** A command failed while doing {@code doing}. */
    static DbxException failed(String doing, RuntimeException e) {
        if (e instanceof DbxException dbx) {
            return dbx;
        }
        String why = rootMessage(e);
        String hint = null;
        if (e instanceof RedisCommandTimeoutException || timedOut(e)) {
            hint = "the server did not answer in time: check it is not overloaded, or raise the timeout (--timeout)";
        } else if (e instanceof JedisConnectionException) {
            hint = "the connection to the server was lost: check that it runs (dbx status shows local engines); the"
                    + " next operation connects again";
        } else if (why.startsWith("OOM")) {
            hint = "the server reached its maxmemory: raise it or load a smaller scale factor";
        } else if (why.startsWith("LOADING")) {
            hint = "the server is reading its data back from disk after a restart: try again when dbx status shows it"
                    + " answering";
        } else if (why.startsWith("READONLY")) {
            hint = "the URI names a read-only replica: point it at the primary";
        }
        return new DbxException("redis: " + doing + " failed: " + why, hint, e);
    }

    /** A Jedis read that waited the whole socket timeout. */
    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = message.indexOf('\n');
        return Uris.redactText(newline < 0 ? message : message.substring(0, newline));
    }
}
