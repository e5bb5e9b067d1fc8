package dev.dbx.workloads.runner;

/** A store's answer that is not what was written: a failed run, whatever its speed. */
public final class WrongAnswer extends Exception {
    public WrongAnswer(String what) {
        super(what, null, false, false);
    }
}
