package dev.dbx.app;

import static dev.dbx.runs.SampleRuns.STARTED;
import static dev.dbx.runs.SampleRuns.run;
import static dev.dbx.runs.SampleRuns.steady;
import static dev.dbx.runs.SampleRuns.store;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbx.runs.RunStore;
import dev.dbx.workloads.runner.BenchmarkRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dbx report: which stored runs it reports, in which format, and that it never overwrites a file unasked. */
class ReportCommandIT {
    @TempDir
    Path data;

    @TempDir
    Path out;

    private final BenchmarkRun single = run(
            "20261202-143501-000-ycsb-a",
            "ycsb-a",
            STARTED,
            store("postgres", steady(10, 900, 30, 1)).build("ycsb-a"),
            store("redis", steady(10, 1_500, 40, 2)).build("ycsb-a"));

    @BeforeEach
    void storeRuns() {
        try (RunStore runs = RunStore.open(data)) {
            runs.save(single);
            String group = "20261202-150000-000-ycsb-c";
            int[] threads = {1, 2, 4};
            for (int i = 0; i < threads.length; i++) {
                runs.save(run(
                        "20261202-15000" + i + "-000-ycsb-c",
                        group,
                        "threads=" + threads[i],
                        "ycsb-c",
                        STARTED.plusSeconds(3_600 + i),
                        Map.of("threads", Integer.toString(threads[i])),
                        store("postgres", steady(10, 400L * threads[i], 20, i)).build("ycsb-c")));
            }
        }
    }

    @Test
    void withoutRunsItReportsTheNewestRunWithItsWholeSweep() throws Exception {
        Path page = out.resolve("report.html");

        InProcess.Run report = dbx("report", "--out", page.toString());

        assertThat(report.exit()).as(report.err()).isZero();
        assertThat(report.out())
                .contains("report of 3 run(s) written to " + page)
                .contains(page.toUri().toString());
        String html = Files.readString(page);
        assertThat(html)
                .contains("Sweep of threads: ycsb-c")
                .contains("20261202-150000-000-ycsb-c", "20261202-150001-000-ycsb-c", "20261202-150002-000-ycsb-c")
                .doesNotContain(single.id());
    }

    @Test
    void namedRunsByIdOrPrefixEachOnceAsMarkdown() throws Exception {
        Path md = out.resolve("report.md");

        InProcess.Run report = dbx(
                "report", "20261202-1435", single.id(), "20261202-150001", "--format", "md", "--out", md.toString());

        assertThat(report.exit()).as(report.err()).isZero();
        String text = Files.readString(md);
        assertThat(text).startsWith("# dbx report: ycsb-a, ycsb-c").doesNotContain("<script");
        assertThat(text.split("\n## Run ", -1)).hasSize(3); // two runs: the first named twice
    }

    @Test
    void anExistingFileIsKeptUnlessForced() throws Exception {
        Path page = out.resolve("report.html");
        Files.writeString(page, "mine");

        InProcess.Run refused = dbx("report", "--out", page.toString());

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains(page + " exists: not overwritten").contains("--force");
        assertThat(Files.readString(page)).isEqualTo("mine");

        InProcess.Run forced = dbx("report", "--out", page.toString(), "--force");
        assertThat(forced.exit()).as(forced.err()).isZero();
        assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>");
    }

    @Test
    void refusals() {
        assertThat(dbx(
                                "report",
                                "--format",
                                "pdf",
                                "--out",
                                out.resolve("r.pdf").toString())
                        .err())
                .contains("unknown --format 'pdf'");
        assertThat(dbx("report", "nosuchrun", "--out", out.resolve("r.html").toString())
                        .err())
                .contains("no run 'nosuchrun'");
        assertThat(dbx("report", "--out", out.toString()).err()).contains(out + " is a directory");
        assertThat(out.resolve("r.pdf")).doesNotExist();
        assertThat(out.resolve("r.html")).doesNotExist();
    }

    @Test
    void anEmptyRunStoreSaysHowToFillIt(@TempDir Path empty) {
        InProcess.Run report = dbx(
                "--data-dir",
                empty.toString(),
                "report",
                "--out",
                out.resolve("r.html").toString());
        assertThat(report.exit()).isEqualTo(1);
        assertThat(report.err()).contains("no runs stored yet").contains("dbx bench");
    }

    private InProcess.Run dbx(String... args) {
        if (args[0].equals("--data-dir")) {
            return InProcess.dbx(args);
        }
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = data.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return InProcess.dbx(all);
    }
}
