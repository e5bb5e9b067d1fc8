-- dbx's run store, schema version 2: every benchmark run dbx measured, in <data-dir>/runs.sqlite.
-- Documented for people who query it with SQL in docs/runs.md (every table and column, with examples).
--
-- Conventions: times are UTC in ISO-8601 with nine fractional digits ('2026-12-02T14:35:01.123456000Z'), which sort
-- as text and which SQLite's date functions read; latencies are milliseconds (REAL); JSON columns hold an object or
-- an array that json_extract() and json_each() read; a NULL means "not known" (e.g. no server CPU for an external
-- server), never zero.

-- The schema's version: a later dbx migrates a store from it, and an older dbx refuses a store of a newer one.
CREATE TABLE schema_version (
    version INTEGER NOT NULL,
    applied TEXT NOT NULL
);

-- One benchmark invocation at one configuration (a sweep or a repeat is several runs sharing group_id).
CREATE TABLE run (
    id TEXT PRIMARY KEY,            -- unique, sortable by time, e.g. '20261202-143501-ycsb-a'
    group_id TEXT NOT NULL,         -- the sweep or repeat it belongs to (its first run's id), or its own id
    variant TEXT NOT NULL,          -- what sets it apart in its group, e.g. 'threads=8', or ''
    workload TEXT NOT NULL,         -- e.g. 'ycsb-a'
    description TEXT,               -- the workload in words
    started TEXT NOT NULL,          -- when the run began
    revision TEXT NOT NULL,         -- dbx's git revision ('+dirty' when the working tree had changes), or 'unknown'
    correct INTEGER NOT NULL,       -- 1 when every store that could run answered correctly, else 0
    config TEXT NOT NULL,           -- JSON object: the run's settings as given (threads, duration, warm-up, rate...)
    parameters TEXT NOT NULL,       -- JSON object: the workload's parameters (records, field length...)
    machine TEXT NOT NULL           -- JSON object: cores, memory, OS, JDK, CPU model, load average
);
CREATE INDEX run_group ON run (group_id);
CREATE INDEX run_started ON run (started);

-- One store's part of a run: its server, how it ran, and the figures a report shows.
CREATE TABLE store_run (
    run_id TEXT NOT NULL REFERENCES run (id) ON DELETE CASCADE,
    store TEXT NOT NULL,            -- e.g. 'postgres'
    position INTEGER NOT NULL,      -- its place in the run's order of stores (0 first)
    workload TEXT NOT NULL,         -- the workload it ran (the run's)
    server TEXT,                    -- the server as it reported itself, e.g. 'PostgreSQL 17.11'; NULL when unreachable
    placement TEXT,                 -- where it ran (local engine, embedded in dbx's JVM, external) and whence the
                                    -- server's figures came
    semantics TEXT NOT NULL,        -- JSON object: what the store declares for writes ("update", "durability", ...)
    mode TEXT,                      -- closed loop, or open loop with its rate and arrivals
    status TEXT NOT NULL CHECK (status IN ('COMPLETE', 'PARTIAL', 'FAILED')),
    reason TEXT,                    -- why it ended early or failed ('n/a: ...' when the store cannot run it)
    correct INTEGER NOT NULL,       -- 1 when it ran and gave no wrong answer
    started TEXT NOT NULL,          -- when its run began
    measured_nanos INTEGER NOT NULL,  -- how long it was measured (warm-up excluded), exactly
    measured_seconds REAL NOT NULL,   -- the same in seconds
    operations INTEGER NOT NULL,    -- operations that finished (wrong answers included: they answered)
    ops_per_sec REAL NOT NULL,      -- operations / measured_seconds
    response_p50_ms REAL,           -- response time (from the intended start) of all operations; NULL when none
    response_p95_ms REAL,
    response_p99_ms REAL,
    response_p999_ms REAL,
    response_max_ms REAL,
    service_p50_ms REAL,            -- service time (from the actual start); equals response time in a closed loop
    service_p95_ms REAL,
    service_p99_ms REAL,
    service_p999_ms REAL,
    service_max_ms REAL,
    errors INTEGER NOT NULL,        -- operations that failed
    errors_by_kind TEXT NOT NULL,   -- JSON object: error kind -> count
    wrong_answers INTEGER NOT NULL, -- operations whose answer was not what was written
    wrong_examples TEXT NOT NULL,   -- JSON array: the first few wrong answers, described
    server_cpu_mean_pct REAL,       -- server process tree's CPU, percent of one core; NULL for external/embedded
    server_cpu_peak_pct REAL,
    server_mem_peak_bytes INTEGER,  -- server process tree's memory (PSS), peak
    dbx_cpu_nanos INTEGER NOT NULL, -- CPU dbx's JVM used while measuring (an embedded store's work included)
    dbx_cpu_us_per_op REAL NOT NULL,  -- the same per finished operation, in microseconds
    conflict_retries INTEGER NOT NULL,  -- writes re-run after a write conflict (DuckDB)
    PRIMARY KEY (run_id, store)
);

-- One operation kind of a store's run, with its raw histograms.
CREATE TABLE operation (
    run_id TEXT NOT NULL,
    store TEXT NOT NULL,
    position INTEGER NOT NULL,      -- its place in the workload's list of operations
    op TEXT NOT NULL,               -- e.g. 'read', 'update', 'scan'
    count INTEGER NOT NULL,         -- finished without error (wrong answers included)
    errors INTEGER NOT NULL,        -- failed
    p50_ms REAL,                    -- response time percentiles; NULL when none finished
    p95_ms REAL,
    p99_ms REAL,
    p999_ms REAL,
    max_ms REAL,
    service_histogram TEXT NOT NULL,   -- HdrHistogram compressed encoding, base64, values in microseconds
    response_histogram TEXT NOT NULL,  -- the same for response time
    PRIMARY KEY (run_id, store, op),
    FOREIGN KEY (run_id, store) REFERENCES store_run (run_id, store) ON DELETE CASCADE
);

-- One second of a store's measured run.
CREATE TABLE second (
    run_id TEXT NOT NULL,
    store TEXT NOT NULL,
    second INTEGER NOT NULL,        -- seconds since measuring began (the first is 1)
    ops INTEGER NOT NULL,           -- operations that ended in it, failed ones included
    errors INTEGER NOT NULL,        -- of those, failed
    p50_ms REAL NOT NULL,           -- response time of those that finished; 0 when none did
    p99_ms REAL NOT NULL,
    max_ms REAL NOT NULL,
    PRIMARY KEY (run_id, store, second),
    FOREIGN KEY (run_id, store) REFERENCES store_run (run_id, store) ON DELETE CASCADE
);

-- What the server and dbx used in one second of a store's measured run.
CREATE TABLE resource (
    run_id TEXT NOT NULL,
    store TEXT NOT NULL,
    second INTEGER NOT NULL,
    server_cpu_pct REAL,            -- server process tree, percent of one core (200 = two cores); NULL when unknown
    server_mem_bytes INTEGER,       -- server process tree's memory (PSS); NULL when unknown
    dbx_cpu_pct REAL NOT NULL,      -- dbx's JVM, percent of one core (an embedded store's work included)
    dbx_heap_bytes INTEGER NOT NULL,  -- dbx's heap in use
    dbx_gc_ms INTEGER NOT NULL,     -- milliseconds dbx spent in garbage collection in this second
    PRIMARY KEY (run_id, store, second),
    FOREIGN KEY (run_id, store) REFERENCES store_run (run_id, store) ON DELETE CASCADE
);

-- A store's run of a query suite (TPC-H, search, graph): what "cold" meant, the throughput test, the scores.
CREATE TABLE query_run (
    run_id TEXT NOT NULL,
    store TEXT NOT NULL,
    cold_dropped TEXT NOT NULL,     -- JSON array: what was emptied before each query's cold run
    cold_kept TEXT NOT NULL,        -- JSON array: what could not be emptied, and why
    hot_score_ms REAL,              -- geometric mean of the hot times of the queries answered correctly
    cold_score_ms REAL,             -- the same for cold times
    queries_correct INTEGER NOT NULL,
    queries_wrong INTEGER NOT NULL, -- wrong answers and failed queries
    queries_na INTEGER NOT NULL,    -- queries the store cannot run
    streams INTEGER NOT NULL,       -- query streams at once in the throughput test (1: it did not run)
    streams_ms REAL,                -- how long the throughput test took; NULL when it did not run
    stream_queries INTEGER NOT NULL,
    stream_wrong INTEGER NOT NULL,
    PRIMARY KEY (run_id, store),
    FOREIGN KEY (run_id, store) REFERENCES store_run (run_id, store) ON DELETE CASCADE
);

-- One query of a store's run of a query suite.
CREATE TABLE query (
    run_id TEXT NOT NULL,
    store TEXT NOT NULL,
    position INTEGER NOT NULL,      -- its place in the suite
    query TEXT NOT NULL,            -- e.g. 'q05'
    cold_ms REAL,                   -- the first run's time, after caches were dropped; NULL when it did not run
    hot_ms REAL,                    -- the fastest later run; NULL with a single run
    runs_ms TEXT NOT NULL,          -- JSON array: every run's time, cold first
    correct INTEGER,                -- 1 right, 0 wrong or failed, NULL n/a or nothing to check against
    reason TEXT,                    -- why not right, or why n/a ('n/a: ...'); the first differing row of a wrong answer
    digest TEXT,                    -- the answer's digest, compared across stores by suites without a ground truth
    PRIMARY KEY (run_id, store, query),
    FOREIGN KEY (run_id, store) REFERENCES store_run (run_id, store) ON DELETE CASCADE
);
