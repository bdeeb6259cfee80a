package org.migrationledger.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.migrationledger.LedgerServiceIT;
import org.migrationledger.ProposalBody;
import org.migrationledger.projection.rebuild.ProjectionProcessors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

/** Prometheus shows how far each read model is behind the event store, and the figure moves with the processor. */
// Spring Boot's tests switch metric exporters off unless asked; the service itself always serves /actuator/prometheus.
@AutoConfigureObservability
class ProjectionLagMetricsIT extends LedgerServiceIT {

    @Autowired
    ProjectionProcessors processors;

    @Test
    void lagGrowsWhileAProcessorIsStoppedAndReturnsToZero() {
        put("/api/v1/databases/lagging", "admin", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> lag("audit-trail") == 0);
        assertThat(scrape()).contains("ledger_projection_lag_events{read_model=\"drift\"}");

        StreamingEventProcessor auditTrail = processors.local("audit-trail").orElseThrow();
        auditTrail.shutDown();
        for (int i = 1; i <= 3; i++) {
            Reply proposed = post(
                    "/api/v1/databases/lagging/migrations",
                    "alice",
                    ProposalBody.of("000" + i + "_step", "1." + i + ".0", "create table step_" + i + " (id bigint);")
                            .with("description", "a step")
                            .with("risk", java.util.Map.of("impact", "LOW", "rollbackPlan", "drop it"))
                            .json());
            assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
        }

        assertThat(lag("audit-trail")).isGreaterThanOrEqualTo(3);
        auditTrail.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> lag("audit-trail") == 0);
    }

    private long lag(String readModel) {
        Matcher matcher = Pattern.compile(
                        "^ledger_projection_lag_events\\{read_model=\"" + Pattern.quote(readModel) + "\"} (\\S+)$",
                        Pattern.MULTILINE)
                .matcher(scrape());
        assertThat(matcher.find()).as("lag of " + readModel + " is published").isTrue();
        return (long) Double.parseDouble(matcher.group(1));
    }

    private String scrape() {
        Reply reply = get("/actuator/prometheus", "audrey");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.text();
    }
}
