package org.migrationledger.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.migrationledger.query.FleetStory;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium against the running service, with data written through the API: what
 * the pages show must equal what the API answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT extends FleetStory {

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    void writeTheFleetAndOpenABrowser() {
        writeFleet();
        assertThat(get("/api/v1/databases/shop/compatibility?minPosition=" + position, "audrey")
                        .header("Ledger-Stale"))
                .isEqualTo("false");
        assertThat(get("/api/v1/databases?minPosition=" + position, "audrey").header("Ledger-Stale"))
                .isEqualTo("false");
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void signOut() {
        browser.get(base() + "/");
        browser.executeScript("sessionStorage.clear()");
    }

    @Test
    void aBadTokenShowsAClearMessageNotABlankPage() {
        signIn("not-a-token");

        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-error")));
        wait.until(ExpectedConditions.textToBePresentInElement(error, "did not accept"));
        assertThat(error.getText()).contains("401");
        assertThat(browser.findElement(By.id("token-form")).isDisplayed()).isTrue();
        assertThat(browser.getCurrentUrl()).doesNotContain("token");
    }

    @Test
    void theFleetShowsWhatTheApiAnswers() {
        signIn(tokenOf("audrey"));
        JsonNode api = get("/api/v1/databases", "audrey").body();
        wait.until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("#fleet-grid tbody tr"), api.get("databases").size()));

        for (JsonNode database : api.get("databases")) {
            for (JsonNode env : database.get("environments")) {
                WebElement cell = browser.findElement(By.cssSelector("#fleet-grid tr[data-database='"
                        + database.get("database").asText() + "'] td[data-environment='"
                        + env.get("environment").asText() + "']"));
                assertThat(cell.getDomAttribute("data-version"))
                        .isEqualTo(
                                env.get("currentVersion").isNull()
                                        ? ""
                                        : env.get("currentVersion").asText());
                assertThat(cell.getDomAttribute("class"))
                        .contains("promotion-" + env.get("promotion").asText().toLowerCase());
            }
        }
        assertThat(cellOf("shop", "prod").getText()).contains("1.1.0", "ahead of promotion order");
        Screenshots.save(browser, "dashboard-fleet.png");
    }

    @Test
    void theDatabaseGridsCellsEqualTheApisAnswer() {
        signIn(tokenOf("audrey"));
        browser.get(base() + "/#/db/shop");
        JsonNode grid =
                get("/api/v1/databases/shop/compatibility", "audrey").body().get("grid");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#migration-grid tbody tr"), grid.size()));

        for (JsonNode row : grid) {
            row.get("environments").fields().forEachRemaining(env -> {
                WebElement cell = browser.findElement(By.cssSelector("#migration-grid tr[data-migration='"
                        + row.get("migrationId").asText() + "'] td[data-environment='" + env.getKey() + "']"));
                assertThat(cell.getDomAttribute("data-status"))
                        .isEqualTo(env.getValue().asText());
                assertThat(cell.getText())
                        .as("the status in words, not only a colour")
                        .containsIgnoringCase(env.getValue().asText().replace('_', ' '));
            });
        }
        assertThat(browser.findElement(By.id("awaiting")).getText()).contains("0003_index_notes");
        Screenshots.save(browser, "dashboard-database.png");
    }

    @Test
    void aDriftLinkLeadsToItsMigration() {
        signIn(tokenOf("audrey"));
        browser.get(base() + "/#/db/shop/drift");
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.drift-migration")));
        String migration = link.getText();
        JsonNode findings = get("/api/v1/databases/shop/drift", "audrey").body().get("findings");
        assertThat(findings.findValuesAsText("migrationId")).contains(migration);

        link.sendKeys(org.openqa.selenium.Keys.ENTER);

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("migration-title"), migration));
        assertThat(browser.getCurrentUrl()).endsWith("#/db/shop/migration/" + migration);
    }

    @Test
    void theMigrationPageShowsScriptsApprovalsAndTimeline() {
        signIn(tokenOf("audrey"));
        browser.get(base() + "/#/db/shop/migration/0001_create_items");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline .timeline")));

        List<String> keywords = browser.findElements(By.cssSelector("pre.script .sql-keyword")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(keywords).contains("create", "table", "primary", "key", "drop");
        assertThat(browser.findElement(By.cssSelector("pre.script")).getText()).isEqualTo(CREATE);
        assertThat(browser.findElement(By.id("approvals")).getText()).contains("bob", "looks fine");
        assertThat(browser.findElements(By.cssSelector("#timeline .timeline")).stream()
                        .map(section -> section.getDomAttribute("data-environment")))
                .contains("dev", "uat", "prod");
        Screenshots.save(browser, "dashboard-migration.png");
    }

    @Test
    void aFilterNarrowsTheAuditTimeline() {
        signIn(tokenOf("audrey"));
        browser.get(base() + "/#/audit");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#audit-table tbody tr")));
        int all = browser.findElements(By.cssSelector("#audit-table tbody tr")).size();

        browser.findElement(By.id("audit-database")).sendKeys("billing");
        browser.findElement(By.id("audit-apply")).click();

        wait.until(driver -> driver.getCurrentUrl().contains("database=billing"));
        wait.until(driver ->
                driver.findElements(By.cssSelector("#audit-table tbody tr")).size() < all);
        List<WebElement> rows = browser.findElements(By.cssSelector("#audit-table tbody tr"));
        assertThat(rows).isNotEmpty();
        assertThat(rows)
                .allSatisfy(row -> assertThat(
                                row.findElements(By.tagName("td")).get(3).getText())
                        .isEqualTo("billing"));
        long expected = get("/api/v1/audit/events?database=billing", "audrey")
                .body()
                .get("events")
                .size();
        assertThat(rows).hasSize((int) expected);
    }

    @Test
    void anEventWrittenDuringTheTestAppearsWithoutAReload() {
        signIn(tokenOf("audrey"));
        browser.get(base() + "/#/db/billing");
        // Live updates re-render the grid whenever the ledger position moves, so a cell is found afresh on each look.
        wait.ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeToBe(
                        By.cssSelector(
                                "#migration-grid tr[data-migration='0001_create_items'] td[data-environment='production']"),
                        "data-status",
                        "PENDING"));
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true");

        apply("billing", "production", "0001_create_items", CREATE, "SUCCEEDED");

        By production = By.cssSelector(
                "#migration-grid tr[data-migration='0001_create_items'] td[data-environment='production'][data-status='APPLIED']");
        wait.until(
                driver -> driver.findElement(production).getText().toLowerCase().contains("applied"));
        assertThat(browser.executeScript("return window.notReloaded === true")).isEqualTo(true);
    }

    @Test
    void theLivePositionIsTheNewestWriteForAnyRole() {
        for (String principal : List.of("alice", "ci", "audrey")) {
            Reply reply = get("/api/v1/position", principal);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body().get("position").asLong())
                    .isGreaterThanOrEqualTo(position)
                    .isEqualTo(reply.position());
        }
        assertThat(get("/api/v1/position", null).status()).isEqualTo(401);
    }

    @Test
    void theRollbackMatrixIsComputedFromTheReachAndEqualsTheApisPairs() {
        signIn(tokenOf("carol"));
        browser.get(base() + "/#/db/shop/rollback");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rollback-matrix tbody tr")));

        JsonNode reach =
                get("/api/v1/databases/shop/compatibility", "carol").body().get("rollbackReach");
        assertThat(reach).isNotEmpty();
        for (JsonNode version : reach) {
            WebElement row = browser.findElement(By.cssSelector(
                    "#rollback-reach tr[data-version='" + version.get("version").asText() + "']"));
            assertThat(row.getText()).contains(version.get("earliestSafe").asText());
            if (!version.get("blockedByMigration").isNull()) {
                assertThat(row.getText())
                        .contains(version.get("blockedByMigration").asText())
                        .contains(version.get("blockedBy").asText());
            }
        }
        List<WebElement> cells = browser.findElements(By.cssSelector("#rollback-matrix td[data-to]:not(.absent)"));
        assertThat(cells).hasSizeGreaterThanOrEqualTo(3);
        for (WebElement cell : cells) {
            String from = cell.findElement(By.xpath("..")).getDomAttribute("data-from");
            String to = cell.getDomAttribute("data-to");
            JsonNode pair = get("/api/v1/databases/shop/compatibility?from=" + from + "&to=" + to, "carol")
                    .body()
                    .get("rollback")
                    .get(0);
            boolean safe = pair.get("safe").asBoolean();
            assertThat(cell.getDomAttribute("class")).as(from + " → " + to).isEqualTo(safe ? "safe" : "unsafe");
            assertThat(cell.getText()).isEqualTo(safe ? "✔ safe" : "✖ unsafe");
            cell.findElement(By.tagName("button")).click();
            WebElement reasons = browser.findElement(By.id("rollback-reasons"));
            assertThat(reasons.getText()).contains(from + " → " + to);
            pair.get("reasons").forEach(reason -> assertThat(reasons.getText()).contains(reason.asText()));
        }
        assertThat(browser.findElements(By.cssSelector("#rollback-matrix td.unsafe")))
                .as("1.1.0 has no down script, so rolling back past it is unsafe")
                .isNotEmpty();
        Screenshots.save(browser, "dashboard-rollback.png");
    }

    @Test
    void theAuditTimelineShowsTheChainsVerificationStatus() {
        signIn(tokenOf("audrey"));
        browser.get(base() + "/#/audit");
        WebElement status = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verification-status")));

        assertThat(status.getDomAttribute("data-status")).isEqualTo("intact");
        assertThat(status.getText()).startsWith("✔ Intact").contains("signed digest verifies");
        long shownHead =
                Long.parseLong(browser.findElement(By.id("digest-position")).getText());
        assertThat(shownHead)
                .isLessThanOrEqualTo(get("/api/v1/audit/digest", "audrey")
                        .body()
                        .get("position")
                        .asLong())
                .isGreaterThan(0);
        Screenshots.save(browser, "dashboard-audit.png");
        WebElement again = browser.findElement(By.id("verify-again"));
        again.click();
        wait.until(ExpectedConditions.stalenessOf(again));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verification-status")))
                        .getDomAttribute("data-status"))
                .isEqualTo("intact");
    }

    @Test
    void aRoleThatMayNotVerifyIsToldWhyInsteadOfSeeingTheTimeline() {
        signIn(tokenOf("alice"));
        browser.get(base() + "/#/audit");

        WebElement explanation = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-forbidden")));
        assertThat(explanation.getText()).contains("alice").contains("auditor").contains("verification");
        assertThat(browser.findElements(By.id("verification-status"))).isEmpty();
        assertThat(browser.findElements(By.id("audit-table"))).isEmpty();
    }

    private WebElement cellOf(String database, String environment) {
        return browser.findElement(By.cssSelector(
                "#fleet-grid tr[data-database='" + database + "'] td[data-environment='" + environment + "']"));
    }

    private void signIn(String token) {
        browser.get(base() + "/");
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        field.sendKeys(token);
        field.submit();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
