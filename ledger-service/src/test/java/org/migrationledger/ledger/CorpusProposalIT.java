package org.migrationledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.migrationledger.LedgerServiceIT;
import org.migrationledger.ProposalBody;
import org.migrationledger.testsupport.MigrationCorpus;

/**
 * Every up-migration of the real corpus, proposed through the API in apply order, comes back with an analysis whose
 * findings name the statement, the rule and the reason — and none is refused for lack of a declaration.
 */
class CorpusProposalIT extends LedgerServiceIT {

    private static final MigrationCorpus CORPUS = MigrationCorpus.locate();

    @ParameterizedTest
    @ValueSource(strings = {MigrationCorpus.KRATOS, MigrationCorpus.SUPABASE})
    void everyCorpusMigrationIsProposedWithItsAnalysis(String project) {
        String database = "/api/v1/databases/" + project.replace("-", "_");
        put(database, "admin", null);
        List<Path> files = CORPUS.upMigrations(project);
        int withFindings = 0;
        int statements = 0;
        int unparsed = 0;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            Reply reply = post(database + "/migrations", "alice", proposal(file, i));
            assertThat(reply.status()).as(file + ": " + reply.text()).isEqualTo(201);
            JsonNode analysis = reply.body().get("analysis");
            assertThat(analysis.get("basis").asText()).isEqualTo("script");
            for (JsonNode finding : analysis.get("findings")) {
                assertThat(finding.get("rule").asText()).as(file.toString()).isNotBlank();
                assertThat(finding.get("reason").asText()).as(file.toString()).isNotBlank();
                if (finding.get("statementIndex").asInt() > 0) {
                    assertThat(finding.get("statement").asText())
                            .as(file.toString())
                            .isNotBlank();
                }
            }
            withFindings += analysis.get("findings").isEmpty() ? 0 : 1;
            statements += analysis.get("statementCount").asInt();
            unparsed += analysis.get("unparsedStatementCount").asInt();
        }
        System.out.printf(
                "%s through the API: %d migrations proposed, %d with findings, %d statements, %d unparsed (%.1f%%)%n",
                project, files.size(), withFindings, statements, unparsed, 100.0 * unparsed / Math.max(1, statements));
        assertThat(withFindings).isPositive();
        assertThat(statements).isEqualTo(MigrationCorpus.KRATOS.equals(project) ? 534 : 205);
    }

    private static String proposal(Path file, int index) {
        String name = file.getFileName().toString();
        String id = name.substring(0, name.indexOf('.'));
        int digits = id.indexOf('_');
        String migrationId = "0".repeat(Math.max(0, 4 - digits)) + id;
        return ProposalBody.of(migrationId, "1." + index + ".0", MigrationCorpus.sql(file))
                .with("description", "corpus migration " + name)
                .with("downScript", MigrationCorpus.downFor(file))
                .with("risk", Map.of("impact", "LOW", "rollbackPlan", "the corpus down script"))
                .json();
    }
}
