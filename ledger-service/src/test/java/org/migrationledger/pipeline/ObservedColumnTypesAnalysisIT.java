package org.migrationledger.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.migrationledger.pipeline.KratosFlywayIT.execute;
import static org.migrationledger.pipeline.KratosFlywayIT.expectExit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationledger.LedgerServiceIT;
import org.migrationledger.ProposalBody;
import org.migrationledger.testsupport.FreshDatabase;

/**
 * A proposal's type changes are judged by the column types pipelines observed: a widening production's schema shows
 * to be binary compatible is not breaking, a real rewrite is, and without an observation every type change is
 * treated as a possible rewrite.
 */
class ObservedColumnTypesAnalysisIT extends LedgerServiceIT {

    private static final String WIDEN_TOKEN = "alter table sessions alter column token type varchar(64);";
    private static final String WIDEN_KIND = "alter table courier_messages alter column kind type bigint;";

    @TempDir
    Path work;

    @Test
    void typeChangesAreJudgedByTheTypesObservedBelowTheMigrationsVersion() throws Exception {
        Cli cli = new Cli("http://localhost:" + port);
        expectExit(0, cli.run("admin", "register", "sessions", "--environments", "ci,production"));
        expectExit(0, cli.run("admin", "register", "unobserved", "--environments", "ci,production"));
        try (FreshDatabase production = FreshDatabase.create("typed_production")) {
            execute(
                    production,
                    "create table sessions (id bigint primary key, token varchar(32) not null);"
                            + " create table courier_messages (id bigint primary key, kind integer not null);");
            expectExit(0, cli.snapshot("sessions", "production", production, work.resolve("spool")));
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> get("/api/v1/databases/sessions/schema-comparison?from=production&to=production", "audrey")
                                .status()
                        == 200);

        JsonNode widening = propose("sessions", "0001_widen_token", "1.0.0", WIDEN_TOKEN);
        JsonNode rewrite = propose("sessions", "0002_widen_kind", "1.1.0", WIDEN_KIND);
        JsonNode blind = propose("unobserved", "0001_widen_token", "1.0.0", WIDEN_TOKEN);

        assertThat(widening.get("breaking").asBoolean()).as(widening.toString()).isFalse();
        assertThat(typeChange(widening).get("severity").asText()).isEqualTo("WARNING");
        assertThat(typeChange(widening).get("reason").asText())
                .startsWith("Widens sessions.token from character varying(32) (the type in the schema observed in"
                        + " production before any recorded migration on ")
                .contains("no table rewrite");
        assertThat(rewrite.get("breaking").asBoolean()).as(rewrite.toString()).isTrue();
        assertThat(typeChange(rewrite).get("reason").asText())
                .startsWith(
                        "Changes courier_messages.kind from integer (the type in the schema observed in production");
        assertThat(blind.get("breaking").asBoolean()).as(blind.toString()).isTrue();
        assertThat(typeChange(blind).get("reason").asText()).startsWith("Changes the type of sessions.token");
    }

    private JsonNode propose(String database, String migrationId, String version, String script) {
        Reply reply = post(
                "/api/v1/databases/" + database + "/migrations",
                "alice",
                ProposalBody.of(migrationId, version, script)
                        .with("description", "widens a column")
                        .with("risk", Map.of("impact", "MEDIUM", "rollbackPlan", "change the type back"))
                        .json());
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.body().get("analysis");
    }

    private static JsonNode typeChange(JsonNode analysis) {
        for (JsonNode finding : analysis.get("findings")) {
            if (finding.get("rule").asText().equals("change-column-type")) {
                return finding;
            }
        }
        throw new AssertionError("No change-column-type finding in " + analysis);
    }
}
