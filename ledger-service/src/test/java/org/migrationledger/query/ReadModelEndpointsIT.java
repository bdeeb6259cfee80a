package org.migrationledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.migrationledger.LedgerServiceIT;
import org.migrationledger.ProposalBody;
import org.migrationledger.web.ReadYourWrites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Every GET endpoint of the query API, end to end: the story is written through the HTTP write API, then each read
 * asks with the last write's {@code Ledger-Position} as {@code minPosition}, so it must see everything written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "ledger.projection.min-position-timeout=2s")
class ReadModelEndpointsIT extends LedgerServiceIT {

    private static final String DB = "/api/v1/databases/shop";
    private static final String CREATE = "create table items (id bigint primary key, note text);";
    private static final String BACKFILL = "update items set note = 'n/a' where note is null;";

    @Autowired
    JdbcClient jdbc;

    private long position;
    private final List<Long> positions = new ArrayList<>();

    @BeforeAll
    void writeTheStory() {
        write(put(DB, "admin", json("environments", List.of("local", "ci", "staging", "production"))));
        write(post(
                DB + "/migrations",
                "alice",
                ProposalBody.expand("0001_create_items", "1.0.0", CREATE)
                        .with("description", "creates items")
                        .with("downScript", "drop table items;")
                        .json()));
        write(post(DB + "/migrations/0001_create_items/approvals", "bob", "{}"));
        write(post(
                DB + "/migrations",
                "alice",
                ProposalBody.of("0002_backfill_notes", "1.1.0", BACKFILL)
                        .with("description", "backfills notes")
                        .with("category", "migrate")
                        .with("risk", Map.of("impact", "low", "rollbackPlan", "restore from backup"))
                        .json()));
        for (String env : List.of("local", "ci", "staging", "production")) {
            write(post(DB + "/environments/" + env + "/applies", "ci", apply("0001_create_items", CREATE)));
        }
        // Policy-breaking fact: unapproved, straight to production. Recorded and flagged, never refused.
        write(post(DB + "/environments/production/applies", "ci", apply("0002_backfill_notes", BACKFILL)));
        write(post(DB + "/environments/production/releases", "ci", json("release", "3.0.0", "schemaVersion", "1.0.0")));
        write(post(DB + "/environments/production/releases", "ci", json("release", "3.1.0", "schemaVersion", "1.1.0")));
    }

    /** One migration, one shape: the proposal's answer and a read carry the same fields, and agree on the proposal. */
    @Test
    void aMigrationIsAnsweredInOneShapeWhetherProposedOrRead() {
        String catalog = "/api/v1/databases/catalog";
        assertThat(put(catalog, "admin", "{}").status()).isEqualTo(201);
        Reply proposed = post(
                catalog + "/migrations",
                "alice",
                ProposalBody.of("0001_create_tags", "1.0.0", "create table tags (id bigint primary key);")
                        .with("verificationQueries", List.of("select count(*) from tags"))
                        .json());
        assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
        Reply read = get(catalog + "/migrations/0001_create_tags?minPosition=" + proposed.position(), "audrey");

        List<String> fields = new ArrayList<>();
        proposed.body().fieldNames().forEachRemaining(fields::add);
        List<String> readFields = new ArrayList<>();
        read.body().fieldNames().forEachRemaining(readFields::add);
        assertThat(readFields).isEqualTo(fields);
        // Every field either answer had before they became one shape.
        assertThat(fields)
                .contains("database", "migrationId", "version", "description", "author", "proposedBy", "checksum")
                .contains("status", "category", "breaking", "rollbackSafe", "hasDownScript", "risk", "analysis")
                .contains("verificationQueries", "expandMigrationId", "waiver", "proposedAt", "linterEvidence")
                .contains("rejectedBy", "rejectionReason", "approvals", "environments");
        for (String shared : List.of("migrationId", "version", "author", "checksum", "status", "risk", "analysis")) {
            assertThat(read.body().get(shared))
                    .as(shared)
                    .isEqualTo(proposed.body().get(shared));
        }
        assertThat(proposed.text().split("\"analysis\":", -1))
                .as("one analysis, the API's")
                .hasSize(2);
        assertThat(proposed.body().get("analysis").get("basis").asText()).isEqualTo("script");
        assertThat(proposed.body().get("verificationQueries").get(0).asText()).isEqualTo("select count(*) from tags");
        assertThat(read.body().get("proposedAt").asText()).isNotBlank();
        assertThat(read.body().get("environments")).hasSize(4);
    }

    @Test
    void versionsAnswersTheCurrentVersionAndHistory() {
        Reply reply = get(DB + "/environments/production/versions?minPosition=" + position, "audrey");

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.header(ReadYourWrites.STALE_HEADER)).isEqualTo("false");
        JsonNode body = reply.body();
        assertThat(body.get("currentVersion").asText()).isEqualTo("1.1.0");
        assertThat(texts(body.get("history"), "migrationId"))
                .containsExactly("0001_create_items", "0002_backfill_notes");
        JsonNode first = body.get("history").get(0);
        assertThat(first.get("version").asText()).isEqualTo("1.0.0");
        assertThat(first.get("appliedBy").asText()).isEqualTo("ci");
        assertThat(first.get("description").asText()).isEqualTo("creates items");
        assertThat(first.get("rollbackSafe").asBoolean()).isTrue();
        assertThat(first.get("appliedAt").asText()).isNotBlank();
    }

    /**
     * V183 and V186 are Java migrations handed to Flyway as beans, beside the scripts: the service's Flyway must run
     * them.
     */
    @Test
    void versionKeysOfExistingHistoriesAreMigratedWithTheScripts() {
        assertThat(jdbc.sql("select version, success from flyway_schema_history where version in ('183', '186')")
                        .query((rs, i) -> rs.getString(1) + " " + rs.getBoolean(2))
                        .list())
                .containsExactlyInAnyOrder("183 true", "186 true");
    }

    @Test
    void versionsPagesTheHistory() {
        Reply first = get(DB + "/environments/production/versions?limit=1&minPosition=" + position, "audrey");
        Reply second = get(DB + "/environments/production/versions?limit=1&offset=1", "audrey");
        Reply badLimit = get(DB + "/environments/production/versions?limit=0", "audrey");
        Reply badOffset = get(DB + "/environments/production/versions?offset=-1", "audrey");

        assertThat(texts(first.body().get("history"), "migrationId")).containsExactly("0001_create_items");
        assertThat(first.body().get("historyTotal").asInt()).isEqualTo(2);
        assertThat(first.body().get("historyNext").asInt()).isEqualTo(1);
        assertThat(texts(second.body().get("history"), "migrationId")).containsExactly("0002_backfill_notes");
        assertThat(second.body().get("historyNext").isNull()).isTrue();
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.text()).contains("limit");
        assertThat(badOffset.status()).isEqualTo(400);
        assertThat(badOffset.text()).contains("offset");
    }

    @Test
    void versionsTravelsInTime() {
        String before = get(DB + "/environments/production/versions?minPosition=" + position, "audrey")
                .body()
                .get("history")
                .get(1)
                .get("appliedAt")
                .asText();
        Reply reply = get(
                DB + "/environments/production/versions?at="
                        + java.time.Instant.parse(before).minusNanos(1000),
                "audrey");

        assertThat(reply.body().get("currentVersion").asText()).isEqualTo("1.0.0");
        assertThat(reply.body().get("history")).hasSize(1);
    }

    @Test
    void migrationAnswersItsAnalysisApprovalsAndStatusPerEnvironment() {
        Reply reply = get(DB + "/migrations/0001_create_items?minPosition=" + position, "audrey");

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        JsonNode body = reply.body();
        assertThat(body.get("status").asText()).isEqualTo("APPROVED");
        assertThat(body.get("analysis").get("basis").asText()).isEqualTo("script");
        assertThat(body.get("analysis").get("category").asText()).isEqualTo("expand");
        assertThat(texts(body.get("approvals"), "approvedBy")).containsExactly("bob");
        assertThat(texts(body.get("environments"), "status"))
                .containsExactly("APPLIED", "APPLIED", "APPLIED", "APPLIED");
    }

    @Test
    void compatibilityAnswersRollbackReachPairGridAndReleases() {
        Reply reply = get(DB + "/compatibility?from=1.1.0&to=1.0.0&minPosition=" + position, "audrey");

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        JsonNode reach = reply.body().get("rollbackReach").get(1);
        assertThat(reach.get("version").asText()).isEqualTo("1.1.0");
        assertThat(reach.get("earliestSafe").asText()).isEqualTo("1.1.0");
        assertThat(reach.get("blockedByMigration").asText()).isEqualTo("0002_backfill_notes");
        assertThat(reply.body().get("rollback")).hasSize(1);
        JsonNode rollback = reply.body().get("rollback").get(0);
        assertThat(rollback.get("from").asText()).isEqualTo("1.1.0");
        assertThat(rollback.get("to").asText()).isEqualTo("1.0.0");
        assertThat(rollback.get("safe").asBoolean()).isFalse();
        assertThat(rollback.get("reasons").get(0).asText())
                .contains("0002_backfill_notes")
                .contains("no down script");
        JsonNode grid = reply.body().get("grid").get(1);
        assertThat(grid.get("migrationId").asText()).isEqualTo("0002_backfill_notes");
        assertThat(grid.get("environments").get("staging").asText()).isEqualTo("PENDING");
        assertThat(grid.get("environments").get("production").asText()).isEqualTo("APPLIED");
        JsonNode production = reply.body().get("releases").get(3);
        assertThat(production.get("environment").asText()).isEqualTo("production");
        assertThat(production.get("currentRelease").asText()).isEqualTo("3.1.0");
        assertThat(production.get("previousRelease").asText()).isEqualTo("3.0.0");
    }

    @Test
    void driftAnswersTheFindingsOfThePolicyBreakingApply() {
        Reply reply = get(DB + "/drift?minPosition=" + position, "audrey");

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        JsonNode findings = reply.body().get("findings");
        assertThat(texts(findings, "kind"))
                .contains("UNAPPROVED_APPLY", "MISSING_IN_EARLIER_ENVIRONMENT", "PROMOTION_ORDER");
        assertThat(texts(findings, "detail"))
                .contains("0002_backfill_notes is applied in production but not in local, ci, staging, which come"
                        + " before it in the promotion path.");
    }

    @Test
    void driftPagesTheReport() {
        JsonNode whole = get(DB + "/drift?minPosition=" + position, "audrey").body();
        Reply first = get(DB + "/drift?limit=1", "audrey");
        Reply second = get(DB + "/drift?limit=1&offset=1", "audrey");
        Reply badLimit = get(DB + "/drift?limit=501", "audrey");
        Reply badOffset = get(DB + "/drift?offset=-1", "audrey");

        assertThat(whole.get("total").asInt())
                .isEqualTo(whole.get("findings").size())
                .isGreaterThan(1);
        assertThat(first.body().get("findings")).hasSize(1);
        assertThat(first.body().get("total").asInt())
                .isEqualTo(whole.get("total").asInt());
        assertThat(first.body().get("findings").get(0))
                .isEqualTo(whole.get("findings").get(0));
        assertThat(second.body().get("findings").get(0))
                .isEqualTo(whole.get("findings").get(1));
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.text()).contains("limit must be between 1 and 500");
        assertThat(badOffset.status()).isEqualTo(400);
        assertThat(badOffset.text()).contains("offset");
    }

    @Test
    void auditPagesFilterAndExportEveryEvent() {
        Reply page = get("/api/v1/audit/events?database=shop&limit=5&minPosition=" + position, "audrey");

        assertThat(page.status()).as(page.text()).isEqualTo(200);
        assertThat(page.body().get("events")).hasSize(5);
        Reply next = get(
                "/api/v1/audit/events?database=shop&limit=50&after="
                        + page.body().get("nextCursor").asText(),
                "audrey");
        assertThat(next.body().get("events")).hasSize(positions.size() - 5);
        assertThat(next.body().get("nextCursor").isNull()).isTrue();

        JsonNode apply = get(
                        "/api/v1/audit/events?migration=0002_backfill_notes&environment=production&actor=ci", "audrey")
                .body()
                .get("events")
                .get(0);
        assertThat(apply.get("type").asText()).isEqualTo("MigrationApplied");
        assertThat(apply.get("principal").asText()).isEqualTo("ci");
        assertThat(apply.get("sourceTool").asText()).isEqualTo("flyway");
        assertThat(apply.get("sourceRunUrl").asText()).isEqualTo("https://ci.example/run/7");
        assertThat(apply.get("correlationId").asText()).isNotBlank();
        assertThat(apply.get("payload").get("violations").get(0).get("code").asText())
                .isNotBlank();
        assertThat(apply.get("position").asLong()).isEqualTo(positions.get(positions.size() - 3));
    }

    @Test
    void auditExportsNdjsonAndCsvByAccept() {
        // Waits for the audit trail to hold every write: an export is a read like any other.
        String trail = "/api/v1/audit/events?database=shop&minPosition=" + positions.get(positions.size() - 1);
        Reply ndjson = get(trail, "audrey", "Accept", "application/x-ndjson");
        Reply csv = get(trail, "audrey", "Accept", "text/csv");

        assertThat(ndjson.header("Content-Type")).startsWith("application/x-ndjson");
        // A header line with the signed digest first, then one line per event of the filter, in position order.
        String[] events = ndjson.text().split("\n");
        assertThat(events).hasSize(positions.size() + 1);
        assertThat(events[0]).contains("\"digest\"").contains("\"partial\":true");
        assertThat(events[1]).contains("\"chain\"").contains("\"hash\"");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String[] lines = csv.text().split("\r\n");
        assertThat(lines).hasSize(positions.size() + 2);
        assertThat(lines[0])
                .startsWith("position,recordedAt,database,type,")
                .endsWith(",previousPosition,previousHash,hash");
        assertThat(lines[lines.length - 1]).startsWith("# {\"export\"");
    }

    @Test
    void auditExportsByTheFormatParameterWhichWinsOverAccept() {
        String trail = "/api/v1/audit/events?database=shop&minPosition=" + positions.get(positions.size() - 1);
        Reply csv = get(trail + "&format=csv", "audrey", "Accept", "application/json");
        Reply ndjson = get(trail + "&format=ndjson", "audrey");
        Reply json = get(trail + "&format=json", "audrey", "Accept", "text/csv");
        Reply unknown = get(trail + "&format=xml", "audrey");

        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        // Header row, one row per event, and the signed digest as the last row (docs/security.md, "Exports").
        assertThat(csv.text().split("\r\n")).hasSize(positions.size() + 2);
        assertThat(ndjson.header("Content-Type")).startsWith("application/x-ndjson");
        // The digest line first, then one line per event.
        assertThat(ndjson.text().split("\n")).hasSize(positions.size() + 1);
        assertThat(json.body().get("events")).hasSize(positions.size());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("errors").get(0).get("field").asText()).isEqualTo("format");
        assertThat(unknown.body().get("detail").asText()).isEqualTo("format must be json, ndjson or csv");
    }

    @Test
    void answersStaleInsteadOfHangingPastTheBound() {
        Reply reply = get(DB + "/drift?minPosition=" + (position + 1000), "audrey");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header(ReadYourWrites.STALE_HEADER)).isEqualTo("true");
    }

    @Test
    void answersProblemsNamingWhatIsUnknownAndBadParameters() {
        Reply unknown = get("/api/v1/databases/nope/drift", "audrey");
        Reply badAt = get(DB + "/environments/production/versions?at=yesterday", "audrey");
        Reply badPosition = get(DB + "/compatibility?minPosition=-3", "audrey");
        Reply badCursor = get("/api/v1/audit/events?after=garbage", "audrey");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknown.body().get("type").asText()).endsWith("/unknown-database");
        // Each 404 names what is unknown: never a missing migration reported as a missing database.
        assertThat(get(DB + "/migrations/0099_nothing", "audrey")
                        .body()
                        .get("type")
                        .asText())
                .endsWith("/unknown-migration");
        assertThat(get(DB + "/environments/qa/versions", "audrey")
                        .body()
                        .get("type")
                        .asText())
                .endsWith("/unknown-environment");
        Reply noSchema = get(DB + "/schema-comparison?to=production", "audrey");
        assertThat(noSchema.status()).isEqualTo(404);
        assertThat(noSchema.body().get("type").asText()).endsWith("/unknown-observed-schema");
        assertThat(badAt.status()).isEqualTo(400);
        assertThat(badAt.body().get("detail").asText()).contains("ISO-8601");
        assertThat(badPosition.status()).isEqualTo(400);
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(get("/api/v1/audit/events", "ci").status()).isEqualTo(403);
    }

    @Test
    void compatibilityNamesTheParameterThatIsWrong() {
        Reply halfPair = get(DB + "/compatibility?from=1.1.0", "audrey");
        Reply unknownPair = get(DB + "/compatibility?from=9.9.9&to=1.0.0", "audrey");
        Reply reversedPair = get(DB + "/compatibility?from=1.0.0&to=1.1.0", "audrey");
        Reply zeroLimit = get(DB + "/compatibility?gridLimit=0", "audrey");
        Reply wordLimit = get(DB + "/compatibility?gridLimit=many", "audrey");
        Reply unknownCursor = get(DB + "/compatibility?gridAfter=0099_nothing", "audrey");

        assertThat(List.of(halfPair, unknownPair, reversedPair, zeroLimit, wordLimit, unknownCursor))
                .extracting(Reply::status)
                .containsOnly(400);
        assertThat(halfPair.text()).contains("\"to\"");
        assertThat(unknownPair.text()).contains("\"from\"").contains("9.9.9");
        assertThat(zeroLimit.text()).contains("gridLimit");
        assertThat(wordLimit.text()).contains("gridLimit");
        assertThat(unknownCursor.text()).contains("gridAfter");
    }

    @Test
    void compatibilityPagesItsGrid() {
        Reply first = get(DB + "/compatibility?gridLimit=1&minPosition=" + position, "audrey");
        Reply second = get(
                DB + "/compatibility?gridLimit=1&gridAfter="
                        + first.body().get("gridNext").asText(),
                "audrey");

        assertThat(first.body().get("grid")).hasSize(1);
        assertThat(first.body().get("rollbackReach")).hasSize(1);
        assertThat(second.body().get("grid").get(0).get("migrationId").asText())
                .isNotEqualTo(first.body().get("grid").get(0).get("migrationId").asText());
    }

    private void write(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isIn(200, 201);
        position = reply.position();
        positions.add(position);
    }

    private static String apply(String migrationId, String script) {
        return json(
                "migrationId",
                migrationId,
                "checksum",
                sha256(script),
                "outcome",
                "SUCCEEDED",
                "durationMs",
                840,
                "tool",
                "flyway",
                "runUrl",
                "https://ci.example/run/7");
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(node -> node.get(field).asText())
                .toList();
    }

    private static String sha256(String script) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
