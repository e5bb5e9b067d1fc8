-- Version 2: query suites (TPC-H, search, graph). A store's run of a suite has, besides its store_run row, one
-- query_run row (what "cold" meant, the throughput test, the scores) and one query row per query.

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
