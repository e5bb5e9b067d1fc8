package dev.dbx.workloads.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.core.query.CacheDrop;
import dev.dbx.core.store.Capabilities;
import dev.dbx.core.store.ServerIdentity;
import dev.dbx.core.store.Store;
import dev.dbx.core.store.StoreConfig;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The runner's own logic, with a suite of made-up queries over no engine (the stores' suites are tested on theirs). */
class QueryRunnerTest {
    private static final QueryRunConfig THREE_RUNS = new QueryRunConfig(3, 1, Duration.ofSeconds(5), false);

    @Test
    void coldIsTheFirstRunHotTheFastestOfTheOthersAndEveryAnswerIsChecked() {
        FakeQuery steady = new FakeQuery("steady", List.of(30L, 20L, 10L), List.of("42", "42", "42"));
        FakeQuery wrongLater = new FakeQuery("wrong-later", List.of(1L, 1L, 1L), List.of("42", "42", "41"));
        FakeQuery failing = new FakeQuery("failing", List.of(1L), List.of("42")).failOn(2);
        FakeQuery na = new FakeQuery("na", List.of(), List.of()).unsupported("the engine cannot express it");
        SuiteRun run = new QueryRunner()
                .run(
                        new FakeSuite(List.of(steady, wrongLater, failing, na)),
                        store(),
                        THREE_RUNS,
                        QueryRunner.Listener.NONE);

        QueryResult s = run.queries().get(0);
        assertThat(s.runsMs()).hasSize(3);
        assertThat(s.coldMs()).isEqualTo(s.runsMs().get(0));
        assertThat(s.hotMs()).isEqualTo(Math.min(s.runsMs().get(1), s.runsMs().get(2)));
        assertThat(s.hotMs()).isLessThan(s.coldMs());
        assertThat(s.correct()).isTrue();
        assertThat(s.digest()).isEqualTo("42");

        QueryResult w = run.queries().get(1);
        assertThat(w.correct())
                .as("a wrong answer on a hot run fails the query")
                .isFalse();
        assertThat(w.reason()).isEqualTo("got 41, expected 42");

        QueryResult f = run.queries().get(2);
        assertThat(f.correct()).isFalse();
        assertThat(f.reason()).startsWith("failed: ").contains("the server went away");
        assertThat(f.runsMs()).as("the run before the failure is kept").hasSize(1);

        QueryResult n = run.queries().get(3);
        assertThat(n.ran()).isFalse();
        assertThat(n.correct()).isNull();
        assertThat(n.reason()).isEqualTo("n/a: the engine cannot express it");
        assertThat(na.executions.get()).isZero();

        assertThat(run.correct()).isFalse();
        StoreRunCheck.stored(run);
    }

    @Test
    void theThroughputTestRunsEveryQueryInEveryStream() {
        FakeQuery a = new FakeQuery("a", List.of(1L, 1L, 1L, 1L, 1L, 1L), List.of("42", "42", "42", "42", "42", "42"));
        FakeQuery b = new FakeQuery("b", List.of(1L, 1L, 1L, 1L, 1L, 1L), List.of("42", "41", "42", "42", "42", "42"));
        SuiteRun run = new QueryRunner()
                .run(
                        new FakeSuite(List.of(a, b)),
                        store(),
                        new QueryRunConfig(1, 3, Duration.ofSeconds(5), false),
                        QueryRunner.Listener.NONE);
        assertThat(run.streams()).isEqualTo(3);
        assertThat(run.streamQueries()).isEqualTo(6);
        assertThat(run.streamWrong())
                .as("b's answers in the streams' later runs are wrong")
                .isGreaterThan(0);
        assertThat(run.streamsMs()).isPositive();
        assertThat(run.correct()).isFalse();
    }

    @Test
    void aStoreThatCannotRunTheSuiteIsNotApplicable() {
        FakeSuite suite = new FakeSuite(List.of());
        suite.notApplicable = "no Analytics";
        SuiteRun run = new QueryRunner().run(suite, store(), THREE_RUNS, QueryRunner.Listener.NONE);
        assertThat(run.status()).isEqualTo(SuiteRun.Status.FAILED);
        assertThat(run.reason()).isEqualTo("n/a: no Analytics");
        assertThat(run.toStoreRun(3).queries()).isNull();
    }

    /** What the run store keeps of it. */
    private static final class StoreRunCheck {
        static void stored(SuiteRun run) {
            var stored = run.toStoreRun(3);
            assertThat(stored.queries().results()).isEqualTo(run.queries());
            assertThat(stored.correct()).isEqualTo(run.correct());
            assertThat(stored.measuredNanos()).isPositive();
        }
    }

    private static final class FakeQuery implements SuiteQuery<String> {
        final String name;
        final List<Long> sleeps;
        final List<String> answers;
        final AtomicInteger executions = new AtomicInteger();
        int failOn = -1;
        String unsupported;

        FakeQuery(String name, List<Long> sleeps, List<String> answers) {
            this.name = name;
            this.sleeps = new ArrayList<>(sleeps);
            this.answers = answers;
        }

        FakeQuery failOn(int execution) {
            this.failOn = execution;
            return this;
        }

        FakeQuery unsupported(String why) {
            this.unsupported = why;
            return this;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Optional<String> unsupported() {
            return Optional.ofNullable(unsupported);
        }

        @Override
        public String execute(Duration timeout) {
            int n = executions.incrementAndGet();
            if (n == failOn) {
                throw new IllegalStateException("the server went away");
            }
            try {
                Thread.sleep(sleeps.get(Math.min(n - 1, sleeps.size() - 1)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return answers.get(Math.min(n - 1, answers.size() - 1));
        }

        @Override
        public Verdict check(String answer) {
            return answer.equals("42") ? Verdict.right() : Verdict.wrong("got " + answer + ", expected 42");
        }

        @Override
        public String digest(String answer) {
            return answer;
        }
    }

    private static final class FakeSuite implements QuerySuite {
        final List<FakeQuery> queries;
        String notApplicable;

        FakeSuite(List<FakeQuery> queries) {
            this.queries = queries;
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public String description() {
            return "made-up queries";
        }

        @Override
        public Map<String, String> parameters() {
            return Map.of();
        }

        @Override
        public Optional<String> notApplicable(Store store) {
            return Optional.ofNullable(notApplicable);
        }

        @Override
        public List<SuiteQuery<?>> queries(Store store) {
            return List.copyOf(queries);
        }

        @Override
        public CacheDrop dropCaches(Store store) {
            return CacheDrop.nothing("nothing to drop");
        }
    }

    /** A store that is nothing but its identity: the runner asks it nothing else. */
    private static Store store() {
        StoreConfig config = new StoreConfig("fake", URI.create("fake:/"), Duration.ofSeconds(1));
        return new Store() {
            @Override
            public StoreConfig config() {
                return config;
            }

            @Override
            public ServerIdentity identity() {
                return new ServerIdentity("Fake", "1");
            }

            @Override
            public Capabilities capabilities() {
                return Capabilities.builder().build();
            }

            @Override
            public void close() {}
        };
    }
}
