package dev.dbx.engine;

import dev.dbx.core.DbxException;
import java.util.List;

/** An engine failed to start or to answer; carries the last lines of its log so the user sees why. */
public final class EngineFailure extends DbxException {
    private final List<String> logTail;

    public EngineFailure(String message, String hint, List<String> logTail) {
        super(message, hint);
        this.logTail = List.copyOf(logTail);
    }

    public List<String> logTail() {
        return logTail;
    }
}
