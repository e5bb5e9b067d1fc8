package dev.dbx.workloads.ycsb;

/** A source of record numbers (or lengths): YCSB's NumberGenerator, returning a primitive so nothing is boxed. */
public interface NumberGenerator {
    long next();
}
