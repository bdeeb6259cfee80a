package org.migrationledger.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.migrationledger.query.FleetStory;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard at the size the issue names: a fleet of 200 databases and a grid of 500 migrations × 6 environments,
 * timed in the browser (from navigation to the last row drawn, and the DOM build alone) and written to
 * {@code target/dashboard-render-times.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardScaleIT extends FleetStory {

    private static final List<String> SIX = List.of("dev", "ci", "qa", "uat", "staging", "prod");
    private static final int DATABASES = 200;
    private static final int MIGRATIONS = 500;
    /** What the browser itself may take to build the page from the answer. */
    private static final long DRAWING_BUDGET_MS = 3000;

    /** From navigation to the last row, the service's answer included, on a machine shared with other builds. */
    private static final Duration ANSWERED = Duration.ofSeconds(30);

    private ChromeDriver browser;
    private final StringBuilder report = new StringBuilder();

    @BeforeAll
    void writeALargeFleet() throws Exception {
        register("big", SIX.toArray(String[]::new));
        for (int i = 1; i <= MIGRATIONS; i++) {
            write(post(
                    "/api/v1/databases/big/migrations",
                    "alice",
                    json(
                            "migrationId",
                            id(i),
                            "version",
                            "1." + i + ".0",
                            "description",
                            "step " + i,
                            "checksum",
                            sha256(id(i)),
                            "category",
                            "expand",
                            "risk",
                            java.util.Map.of("impact", "low", "rollbackPlan", "restore"))));
        }
        for (int e = 0; e < 4; e++) {
            for (int i = 1; i <= 300 - 75 * e; i++) {
                write(post(
                        "/api/v1/databases/big/environments/" + SIX.get(e) + "/applies",
                        "ci",
                        json(
                                "migrationId",
                                id(i),
                                "checksum",
                                sha256(id(i)),
                                "outcome",
                                i % 97 == 0 ? "FAILED" : "SUCCEEDED")));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> writes = IntStream.range(0, DATABASES - 1)
                .mapToObj(n -> pool.submit(() -> register(String.format("fleet-%03d", n), SIX.toArray(String[]::new))))
                .collect(java.util.stream.Collectors.toList());
        for (Future<?> write : writes) {
            write.get();
        }
        pool.shutdown();
        assertThat(get("/api/v1/databases?minPosition=" + position, "audrey").header("Ledger-Stale"))
                .isEqualTo("false");
        assertThat(get("/api/v1/databases/big/grid?minPosition=" + position, "audrey")
                        .header("Ledger-Stale"))
                .isEqualTo("false");
        browser = HeadlessChromium.start();
        browser.get(base() + "/");
        browser.findElement(By.id("token")).sendKeys(tokenOf("audrey"));
        browser.findElement(By.id("token")).submit();
    }

    @AfterAll
    void closeTheBrowserAndReport() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        Path target = Path.of("target", "dashboard-render-times.txt");
        Files.writeString(target, report.toString());
        System.out.print(report);
    }

    @Test
    void theFleetOf200DatabasesStaysUsable() {
        long elapsed = timeUntilRows("#/", "#fleet-grid tbody tr", DATABASES);
        long build = buildMillis();
        report.append("fleet 200 databases x 6 environments: ")
                .append(elapsed)
                .append(" ms to drawn, DOM build ")
                .append(build)
                .append(" ms\n");
        assertThat(build).isLessThan(DRAWING_BUDGET_MS);
        assertThat(Duration.ofMillis(elapsed)).isLessThan(ANSWERED);
    }

    @Test
    void theGridOf500MigrationsBy6EnvironmentsStaysUsable() {
        long elapsed = timeUntilRows("#/db/big", "#migration-grid tbody tr", MIGRATIONS);
        long build = buildMillis();
        report.append("grid 500 migrations x 6 environments: ")
                .append(elapsed)
                .append(" ms to drawn, DOM build ")
                .append(build)
                .append(" ms\n");
        String apiGrid = get("/api/v1/databases/big/grid", "audrey").text();
        assertThat(apiGrid.split("\"FAILED\"", -1)).as(apiGrid).hasSize(3 + 2 + 1 + 1);
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.numberOfElementsToBe(
                        By.cssSelector("#migration-grid td[data-status='FAILED']"), 3 + 2 + 1));
        assertThat(build).isLessThan(DRAWING_BUDGET_MS);
        assertThat(Duration.ofMillis(elapsed)).isLessThan(ANSWERED);
    }

    @Test
    void theRollbackViewOf500VersionsStaysUsable() {
        int versions = get("/api/v1/databases/big/compatibility?gridLimit=1000", "audrey")
                .body()
                .get("rollbackReach")
                .size();
        assertThat(versions).isGreaterThan(400);
        long elapsed = timeUntilRows("#/db/big/rollback", "#rollback-reach tbody tr", versions);
        long build = buildMillis();
        report.append("rollback reach of ")
                .append(versions)
                .append(" versions + 12 x 12 matrix: ")
                .append(elapsed)
                .append(" ms to drawn, DOM build ")
                .append(build)
                .append(" ms\n");
        assertThat(browser.findElements(By.cssSelector("#rollback-matrix tbody tr")))
                .hasSize(12);
        assertThat(build).isLessThan(DRAWING_BUDGET_MS);
        assertThat(Duration.ofMillis(elapsed)).isLessThan(ANSWERED);
    }

    private long timeUntilRows(String route, String rows, int count) {
        browser.get(base() + "/#/audit");
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("audit-table")));
        long started = System.nanoTime();
        browser.executeScript("location.hash = arguments[0]", route);
        new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(20))
                .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(rows), count));
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    private long buildMillis() {
        Object millis = browser.executeScript("return document.querySelector('#view section').dataset.renderMs");
        return Long.parseLong(String.valueOf(millis));
    }

    private static String id(int i) {
        return String.format("%04d_step_%d", i, i);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
