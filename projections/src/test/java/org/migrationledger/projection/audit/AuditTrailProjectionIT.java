package org.migrationledger.projection.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.migrationledger.projection.LedgerEvents.DB;
import static org.migrationledger.projection.LedgerEvents.applied;
import static org.migrationledger.projection.LedgerEvents.approved;
import static org.migrationledger.projection.LedgerEvents.expand;
import static org.migrationledger.projection.LedgerEvents.registered;
import static org.migrationledger.projection.ReadModelDatabase.twice;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.migrationledger.api.events.LedgerEvent;
import org.migrationledger.api.events.PolicyViolation;
import org.migrationledger.api.queries.AuditEventView;
import org.migrationledger.api.queries.AuditFilter;
import org.migrationledger.api.queries.AuditPageView;
import org.migrationledger.api.queries.FindAuditEvents;
import org.migrationledger.projection.ReadModelDatabase;
import org.migrationledger.testsupport.FreshPostgresDatabase;

class AuditTrailProjectionIT {

    @RegisterExtension
    static final FreshPostgresDatabase POSTGRES = new FreshPostgresDatabase();

    private static final Instant T = Instant.parse("2026-03-01T09:00:00.123456Z");

    private static ReadModelDatabase database;
    private static AuditTrailQueryHandler queries;
    private static long position;

    @BeforeAll
    static void feedTheLedger() {
        database = ReadModelDatabase.migrate(POSTGRES.database());
        database.generations().registerFirst(AuditTrailReadModel.NAME);
        AuditTrailProjection projection = new AuditTrailProjection(database.jdbc(), 1);
        queries = new AuditTrailQueryHandler(database.jdbc(), database.generations());

        record(projection, registered(), "admin", 0);
        for (int i = 1; i <= 20; i++) {
            record(projection, expand(String.format("%04d_change", i), "1." + i + ".0"), "alice", i);
        }
        record(projection, approved("0001_change", "dora", true), "dora", 21);
        record(
                projection,
                applied(
                        "0001_change",
                        "production",
                        T,
                        "a".repeat(64),
                        List.of(new PolicyViolation("PREVIOUS_ENVIRONMENT_SKIPPED", "staging was skipped"))),
                "ci",
                22);
        // Same instant as the apply: the global index breaks the tie in the keyset.
        record(projection, applied("0002_change", "staging", T), "ci", 22);
    }

    @Test
    void recordsWhoFromWhereAndWhen() {
        AuditEventView apply = page(new AuditFilter(DB, "0001_change", "production", null, null, null), null, 10)
                .events()
                .get(0);

        assertThat(apply.type()).isEqualTo("MigrationApplied");
        assertThat(apply.principal()).isEqualTo("ci");
        assertThat(apply.sourceTool()).isEqualTo("flyway");
        assertThat(apply.sourceRunUrl()).isEqualTo("https://ci/run/22");
        assertThat(apply.correlationId()).isEqualTo("corr-" + apply.position());
        assertThat(apply.recordedAt()).isEqualTo(T.plus(Duration.ofMinutes(22)));
        assertThat(apply.summary())
                .isEqualTo("0001_change applied to production (checksum aaaaaaaaaaaa…, 840 ms);"
                        + " policy violations: PREVIOUS_ENVIRONMENT_SKIPPED.");
        assertThat(apply.payloadJson()).contains("\"environment\": \"production\"");
    }

    @Test
    void holdsEveryEventOnceAfterRedelivery() {
        assertThat(all(AuditFilter.none())).hasSize(24);
        assertThat(all(AuditFilter.none())).extracting(AuditEventView::position).doesNotHaveDuplicates();
    }

    @Test
    void pagesByKeysetWithoutLosingOrRepeatingAnEvent() {
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            AuditPageView page = page(AuditFilter.none(), cursor, 5);
            page.events().forEach(e -> seen.add(e.position()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(5);
        assertThat(seen).hasSize(24).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void filtersByActorEnvironmentAndTime() {
        assertThat(all(new AuditFilter(null, null, null, "dora", null, null)))
                .extracting(AuditEventView::type)
                .containsExactly("MigrationApproved");
        assertThat(all(new AuditFilter(null, null, "staging", null, null, null)))
                .extracting(AuditEventView::migrationId)
                .containsExactly("0002_change");
        assertThat(all(new AuditFilter(
                        DB, null, null, null, T.plus(Duration.ofMinutes(5)), T.plus(Duration.ofMinutes(8)))))
                .extracting(AuditEventView::migrationId)
                .containsExactly("0005_change", "0006_change", "0007_change");
        assertThat(all(new AuditFilter("other", null, null, null, null, null))).isEmpty();
    }

    @Test
    void refusesACursorItDidNotWrite() {
        assertThatThrownBy(() -> page(AuditFilter.none(), "bm90LWEtY3Vyc29y", 5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<AuditEventView> all(AuditFilter filter) {
        return page(filter, null, FindAuditEvents.MAX_PAGE_SIZE).events();
    }

    private static AuditPageView page(AuditFilter filter, String after, int limit) {
        return queries.handle(new FindAuditEvents(filter, after, limit));
    }

    private static void record(AuditTrailProjection projection, LedgerEvent event, String principal, int minute) {
        long index = ++position;
        MetaData metaData = MetaData.from(Map.of(
                "principal", principal,
                "sourceRunUrl", "https://ci/run/" + minute,
                "correlationId", "corr-" + index));
        database.store(index, "event-" + index, event.database(), index);
        twice(() -> projection.on(event, "event-" + index, index, T.plus(Duration.ofMinutes(minute)), metaData));
    }
}
