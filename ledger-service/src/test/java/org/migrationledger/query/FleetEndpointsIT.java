package org.migrationledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.migrationledger.pipeline.Cli;

/** GET /api/v1/databases and /databases/{db}: the fleet's answer equals what was written, bad inputs name the field. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetEndpointsIT extends FleetStory {

    @BeforeAll
    void writeTheFleet() {
        writeFleet();
    }

    @Test
    void listsEveryDatabaseWithPathVersionsDriftAndAwaitedApprovals() {
        Reply reply = get("/api/v1/databases?minPosition=" + position, "audrey");

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        JsonNode body = reply.body();
        assertThat(body.get("total").asLong()).isEqualTo(2);
        assertThat(texts(body.get("databases"), "database")).containsExactly("billing", "shop");
        JsonNode shop = body.get("databases").get(1);
        assertThat(texts(shop.get("environments"), "environment")).containsExactly("dev", "uat", "prod");
        assertThat(texts(shop.get("environments"), "currentVersion")).containsExactly("1.1.0", "1.0.0", "1.1.0");
        assertThat(texts(shop.get("environments"), "promotion")).containsExactly("LEVEL", "BEHIND", "AHEAD");
        assertThat(shop.get("environments").get(1).get("failed").asInt()).isEqualTo(1);
        assertThat(texts(shop.get("awaitingApproval"), "migrationId")).containsExactly("0003_index_notes");
        JsonNode drift = get("/api/v1/databases/shop/drift", "audrey").body().get("findings");
        assertThat(drift.size()).isPositive();
        long counted = shop.get("openDrift").get("HIGH").asLong()
                + shop.get("openDrift").get("MEDIUM").asLong()
                + shop.get("openDrift").get("LOW").asLong();
        assertThat(counted).isEqualTo(drift.size());
        JsonNode billing = body.get("databases").get(0);
        assertThat(texts(billing.get("environments"), "currentVersion")).containsExactly("1.0.0", "null");
    }

    @Test
    void filtersByAPartOfTheNameAndPages() {
        JsonNode filtered = get("/api/v1/databases?name=ho&minPosition=" + position, "audrey")
                .body();
        assertThat(texts(filtered.get("databases"), "database")).containsExactly("shop");
        assertThat(filtered.get("total").asLong()).isEqualTo(1);

        JsonNode underscore = get("/api/v1/databases?name=_", "audrey").body();
        assertThat(underscore.get("total").asLong())
                .as("_ is a character here, not a wildcard")
                .isZero();

        JsonNode second = get("/api/v1/databases?limit=1&offset=1", "audrey").body();
        assertThat(texts(second.get("databases"), "database")).containsExactly("shop");
        assertThat(second.get("total").asLong()).isEqualTo(2);
    }

    @Test
    void oneDatabaseEqualsItsEntryInTheList() {
        JsonNode list = get("/api/v1/databases?name=shop&minPosition=" + position, "audrey")
                .body();
        Reply one = get("/api/v1/databases/shop", "ci");

        assertThat(one.status()).as(one.text()).isEqualTo(200);
        assertThat(one.body()).isEqualTo(list.get("databases").get(0));
        Reply unknown = get("/api/v1/databases/nowhere", "audrey");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void theGridEqualsTheCompatibilityGrid() {
        Reply grid = get("/api/v1/databases/shop/grid?minPosition=" + position, "ci");
        Reply compatibility = get("/api/v1/databases/shop/compatibility?minPosition=" + position, "ci");

        assertThat(grid.status()).as(grid.text()).isEqualTo(200);
        assertThat(grid.body().get("grid")).isEqualTo(compatibility.body().get("grid"));
        assertThat(grid.body().get("environments"))
                .isEqualTo(compatibility.body().get("environments"));
        assertThat(grid.body().get("grid").get(1).get("environments").get("uat").asText())
                .isEqualTo("FAILED");
        assertThat(get("/api/v1/databases/nowhere/grid", "ci").status()).isEqualTo(404);
    }

    @Test
    void answersAMigrationsScripts() {
        Reply reply = get("/api/v1/databases/shop/migrations/0001_create_items/scripts?minPosition=" + position, "ci");

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.body().get("script").asText()).isEqualTo(CREATE);
        assertThat(reply.body().get("downScript").asText()).isEqualTo(DOWN);
        assertThat(get("/api/v1/databases/shop/migrations/0002_backfill_notes/scripts", "ci")
                        .body()
                        .get("downScript")
                        .isNull())
                .isTrue();
        assertThat(get("/api/v1/databases/shop/migrations/0009_nope/scripts", "ci")
                        .status())
                .isEqualTo(404);
    }

    @ParameterizedTest
    @CsvSource({
        "name=Shop!, name",
        "name=" + "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcd" + ", name",
        "limit=0, limit",
        "limit=501, limit",
        "limit=ten, limit",
        "offset=-1, offset",
        "minPosition=-4, minPosition"
    })
    void badQueriesAreProblemsNamingTheField(String query, String field) {
        Reply reply = get("/api/v1/databases?" + query, "audrey");

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(texts(reply.body().get("errors"), "field")).containsExactly(field);
    }

    @Test
    void theApiNeedsATokenButTheDashboardsFilesDoNot() {
        assertThat(get("/api/v1/databases", null).status()).isEqualTo(401);
        assertThat(get("/api/v1/databases/shop", null).status()).isEqualTo(401);

        Reply page = get("/", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Migration Ledger").doesNotContain("token=");
        assertThat(page.header("Content-Security-Policy"))
                .contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'");
        assertThat(get("/dashboard/app.js", null).status()).isEqualTo(200);
        assertThat(get("/dashboard/views/fleet.js", null).status()).isEqualTo(200);
    }

    @Test
    void theClientPrintsTheFleetAndOneDatabaseAsATable() {
        get("/api/v1/databases?minPosition=" + position, "audrey");
        Cli cli = new Cli("http://localhost:" + port);

        Cli.Result fleet = cli.run("audrey", "status");
        assertThat(fleet.exit()).as(fleet.toString()).isZero();
        List<String> lines = fleet.out().lines().toList();
        assertThat(lines.get(0)).startsWith("DATABASE").contains("ENVIRONMENT", "CURRENT", "PROMOTION", "DRIFT H/M/L");
        assertThat(lines)
                .anySatisfy(line -> assertThat(line.split("\\s+"))
                        .containsExactly("shop", "dev", "1.1.0", "LEVEL", "0", drift("shop"), "1"));
        assertThat(lines)
                .anySatisfy(line -> assertThat(line.split("\\s+")).containsExactly("", "prod", "1.1.0", "AHEAD", "0"));
        assertThat(lines)
                .anySatisfy(
                        line -> assertThat(line.split("\\s+")).containsExactly("", "production", "-", "BEHIND", "0"));

        Cli.Result one = cli.run("audrey", "status", "shop");
        assertThat(one.exit()).as(one.toString()).isZero();
        assertThat(one.out()).doesNotContain("billing").contains("AWAITING APPROVAL 1.2.0 0003_index_notes");

        Cli.Result unknown = cli.run("audrey", "status", "nowhere");
        assertThat(unknown.exit()).as(unknown.toString()).isNotZero();
        assertThat(unknown.err()).contains("404");
        Cli.Result badName = cli.run("audrey", "status", "--name", "NO!");
        assertThat(badName.exit()).as(badName.toString()).isNotZero();
        assertThat(badName.err()).contains("name:");
    }

    private String drift(String db) {
        JsonNode counts = get("/api/v1/databases/" + db, "audrey").body().get("openDrift");
        return counts.get("HIGH").asLong() + "/" + counts.get("MEDIUM").asLong() + "/"
                + counts.get("LOW").asLong();
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(node -> node.get(field).asText())
                .toList();
    }
}
