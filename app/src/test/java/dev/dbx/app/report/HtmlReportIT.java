package dev.dbx.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.dbx.workloads.runner.BenchmarkRun;
import dev.dbx.workloads.runner.ResourceSample;
import dev.dbx.workloads.runner.StoreRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The report in a real browser: Debian's headless Chromium opens the page from a file, and the charts must render,
 * the tables must show the model's numbers, and the console must hold no error.
 */
class HtmlReportIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** How long a page may take to draw before the test gives up (a hang, not a timing assertion). */
    private static final Duration DRAWN_WITHIN = Duration.ofSeconds(60);

    @TempDir
    static Path profile;

    private static ChromeDriver browser;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBrowser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("the report is tested in Debian's headless Chromium: apt-get install -y chromium chromium-driver"
                    + " (.ci/run installs them)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // no background connections: the network here is closed, and the page must need none
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1400,1000",
                "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everyChartRendersTheTablesHoldTheModelsNumbersAndTheConsoleHasNoError() throws Exception {
        List<BenchmarkRun> runs = ReportFixtures.all();
        Path page = dir.resolve("report.html");
        HtmlReport.write(runs, page);

        List<LogEntry> console = open(page);

        assertThat(errors(console)).as("the browser console's errors").isEmpty();
        assertEveryChartRendered();
        assertChartsPerSection();
        assertResultsTable();
        assertHostileValuesShowAsText();
        assertNothingIsLoadedFromElsewhere();
    }

    /** The console check can fail: a page whose script throws is caught. */
    @Test
    void aScriptErrorInThePageIsCaught() throws Exception {
        String broken = HtmlReport.render(ReportFixtures.all())
                .replace("</body>", "<script>reportFunctionThatDoesNotExist();</script>\n</body>");
        Path page = dir.resolve("broken.html");
        Files.writeString(page, broken);

        List<LogEntry> console = open(page);

        assertThat(errors(console)).anySatisfy(e -> assertThat(e).contains("reportFunctionThatDoesNotExist"));
    }

    /** Opens a page and waits until its charts are drawn or its script failed; returns what the console logged. */
    private static List<LogEntry> open(Path page) throws InterruptedException {
        browser.manage().logs().get(LogType.BROWSER); // drop what an earlier page logged
        browser.get(page.toUri().toString());
        List<LogEntry> console = new ArrayList<>();
        long deadline = System.nanoTime() + DRAWN_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            boolean loaded = Boolean.TRUE.equals(js("return document.readyState === 'complete';"));
            boolean drawn = Boolean.TRUE.equals(js("return document.body.hasAttribute('data-charts-drawn');"));
            console.addAll(browser.manage().logs().get(LogType.BROWSER).getAll());
            if (loaded && (drawn || !errors(console).isEmpty())) {
                return console;
            }
            Thread.sleep(100);
        }
        return fail("the page did not draw its charts within " + DRAWN_WITHIN + "; console: " + console);
    }

    private static void assertEveryChartRendered() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> charts = (List<Map<String, Object>>) js("""
                return Array.from(document.querySelectorAll('.chart')).map(chart => {
                  const canvas = chart.querySelector('.uplot canvas');
                  const box = canvas ? canvas.getBoundingClientRect() : {width: 0, height: 0};
                  let painted = 0;
                  if (canvas && canvas.width > 0 && canvas.height > 0) {
                    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                    for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) painted++; }
                  }
                  return {id: chart.id, width: box.width, height: box.height, painted: painted,
                          legend: Array.from(chart.querySelectorAll('.u-legend .u-label')).map(l => l.textContent)};
                });
                """);
        assertThat(charts).isNotEmpty();
        assertThat(js("return document.body.getAttribute('data-charts-drawn');"))
                .isEqualTo(Integer.toString(charts.size()));
        for (Map<String, Object> chart : charts) {
            assertThat(((Number) chart.get("width")).doubleValue())
                    .as("width of %s", chart.get("id"))
                    .isPositive();
            assertThat(((Number) chart.get("height")).doubleValue())
                    .as("height of %s", chart.get("id"))
                    .isPositive();
            assertThat(((Number) chart.get("painted")).longValue())
                    .as("pixels drawn in %s", chart.get("id"))
                    .isPositive();
            assertThat((List<?>) chart.get("legend"))
                    .as("legend of %s", chart.get("id"))
                    .hasSizeGreaterThan(1);
        }
    }

    /** The charts each section must have: a sweep's two curves; a run's six (the failed store in none). */
    private static void assertChartsPerSection() {
        assertThat(titles("#sweep-1")).containsExactly("Throughput against threads.", "p99 latency against threads.");
        List<String> runCharts = List.of(
                "Latency by percentile.",
                "Throughput per store.",
                "Throughput over time.",
                "p99 latency over time.",
                "CPU over time.",
                "Memory over time.");
        for (int run = 1; run <= 4; run++) {
            assertThat(titles("#run-" + run)).as("run %d", run).containsExactlyElementsOf(runCharts);
        }
        assertThat(legend("#run-1 .chart-figure:nth-of-type(1) .chart"))
                .containsExactly("percentile", "postgres", "postgres (service)", "redis", "redis (service)");
        assertThat(legend("#run-1 .chart-figure:nth-of-type(5) .chart"))
                .containsExactly("second", "postgres server", "postgres dbx", "redis dbx");
        assertThat(browser.findElement(By.cssSelector("#run-1 .chart-figure:nth-of-type(5) .chart-notes"))
                        .getText())
                .isEqualTo("redis: no server line, n/a: external server");
        assertThat(browser.findElement(By.cssSelector("#run-2 .chart-figure:nth-of-type(5) .chart-notes"))
                        .getText())
                .isEqualTo("sqlite: no server line, embedded in dbx's JVM (its work is in dbx's CPU)");
    }

    private static void assertResultsTable() {
        StoreRun postgres = ReportFixtures.openLoopRun().results().get(0);
        Histogram response = postgres.response();
        List<String> row = row("#run-1-results", "postgres");
        assertThat(row.subList(0, 9))
                .containsExactly(
                        "postgres",
                        String.format(Locale.ROOT, "%,.1f", postgres.opsPerSecond()),
                        ms(response.getValueAtPercentile(50)),
                        ms(response.getValueAtPercentile(95)),
                        ms(response.getValueAtPercentile(99)),
                        ms(response.getValueAtPercentile(99.9)),
                        ms(response.getMaxValue()),
                        "0",
                        "0");
        DoubleSummaryStatistics cpu = postgres.resources().stream()
                .mapToDouble(ResourceSample::serverCpuPercent)
                .summaryStatistics();
        long memoryPeak = postgres.resources().stream()
                .mapToLong(ResourceSample::serverMemoryBytes)
                .max()
                .orElseThrow();
        assertThat(row.subList(9, row.size()))
                .containsExactly(
                        String.format(Locale.ROOT, "%.0f%% / %.0f%%", cpu.getAverage(), cpu.getMax()),
                        String.format(Locale.ROOT, "%.1f MiB", memoryPeak / 1024.0 / 1024.0),
                        row.get(11),
                        String.format(Locale.ROOT, "%,.1f µs", postgres.dbxCpuMicrosPerOperation()),
                        "complete");
        assertThat(row.get(11)).matches("\\d+% / \\d+%");

        List<String> redis = row("#run-1-results", "redis");
        assertThat(redis.get(7)).isEqualTo("4");
        assertThat(redis.get(9)).isEqualTo("n/a: external server");
        assertThat(redis.get(10)).isEqualTo("n/a: external server");

        assertThat(row("#run-1-results", "clickhouse"))
                .startsWith("clickhouse", "–", "–")
                .endsWith("failed: n/a: the store has no key-value capability");

        assertThat(browser.findElements(By.cssSelector("#sweep-1 .saturation li")).stream()
                        .map(WebElement::getText))
                .satisfiesExactly(
                        first -> assertThat(first).startsWith("postgres: saturates at"),
                        second -> assertThat(second).startsWith("sqlite: saturates at"));

        StoreRun sqliteAt4 = ReportFixtures.threadSweep().get(2).results().get(1);
        assertThat(row("#sweep-1-sweep", "threads=4"))
                .contains(
                        String.format(Locale.ROOT, "%,.1f", sqliteAt4.opsPerSecond()),
                        ms(sqliteAt4.response().getValueAtPercentile(99)));
    }

    private static void assertHostileValuesShowAsText() {
        assertThat(row("#run-1-stores", "redis").get(1)).isEqualTo(ReportFixtures.HOSTILE_SERVER);
        assertThat(browser.findElement(By.id("run-1-errors")).getText()).contains(ReportFixtures.HOSTILE_ERROR);
        assertThat(js("return document.querySelectorAll('script').length;")).isEqualTo(3L);
        assertThat(js("return document.querySelectorAll('main b').length;")).isEqualTo(0L);
        assertThat(js("return window.hostile === undefined;")).isEqualTo(true);
    }

    private static void assertNothingIsLoadedFromElsewhere() {
        @SuppressWarnings("unchecked")
        List<String> references = (List<String>) js("return Array.from(document.querySelectorAll('[src],[href]'))"
                + ".map(e => e.getAttribute('src') || e.getAttribute('href'));");
        assertThat(references).allSatisfy(ref -> assertThat(ref).matches("#[\\w-]+|data:,"));
    }

    private static List<String> titles(String section) {
        return browser.findElements(By.cssSelector(section + " figcaption strong")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static List<String> legend(String chart) {
        return browser.findElement(By.cssSelector(chart)).findElements(By.cssSelector(".u-legend .u-label")).stream()
                .map(e -> e.getAttribute("textContent"))
                .toList();
    }

    /** The cells of the first row of a table whose first cell is {@code first}. */
    private static List<String> row(String table, String first) {
        for (WebElement tr : browser.findElements(By.cssSelector(table + " tbody tr"))) {
            List<String> cells = tr.findElements(By.tagName("td")).stream()
                    .map(WebElement::getText)
                    .toList();
            if (!cells.isEmpty() && cells.getFirst().equals(first)) {
                return cells;
            }
        }
        return fail("no row " + first + " in " + table);
    }

    private static List<String> errors(List<LogEntry> entries) {
        return entries.stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%,.3f", micros / 1000.0);
    }
}
