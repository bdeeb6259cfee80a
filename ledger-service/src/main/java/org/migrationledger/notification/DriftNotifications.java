package org.migrationledger.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.migrationledger.api.queries.DatabasePageView;
import org.migrationledger.api.queries.DatabaseSummaryView;
import org.migrationledger.api.queries.DriftFindingView;
import org.migrationledger.api.queries.DriftReportView;
import org.migrationledger.api.queries.FindDatabases;
import org.migrationledger.api.queries.FindDrift;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announces drift that opens or worsens. Drift is not an event: it is judged from facts and opened by the clock
 * (PENDING_TOO_LONG), so no event processor can see it change. Every {@code ledger.webhooks.drift-check-interval} one
 * node (an advisory lock) reads each database's open findings and compares them with what it saw last time. A finding
 * is announced once per state: its delivery id is derived from the finding and its severity and detail, so a check
 * repeated after a crash writes nothing twice. Acknowledged findings are recorded but not announced.
 */
@Component
class DriftNotifications {

    /** One checker at a time across service nodes; the number is arbitrary but fixed. */
    private static final long CHECK_LOCK = 0x4c65646765724401L;

    private final QueryGateway queries;
    private final JdbcClient jdbc;
    private final NotificationOutbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DriftNotifications(
            QueryGateway queries,
            JdbcClient jdbc,
            NotificationOutbox outbox,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.queries = queries;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${ledger.webhooks.drift-check-interval:1m}",
            fixedDelayString = "${ledger.webhooks.drift-check-interval:1m}")
    void checkAll() {
        transactions.executeWithoutResult(status -> {
            Boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(?)")
                    .param(CHECK_LOCK)
                    .query(Boolean.class)
                    .single();
            if (!Boolean.TRUE.equals(mine)) {
                return;
            }
            int offset = 0;
            DatabasePageView page;
            do {
                page = queries.query(
                                new FindDatabases(null, offset, FindDatabases.MAX_PAGE_SIZE), DatabasePageView.class)
                        .join();
                page.databases().stream().map(DatabaseSummaryView::database).forEach(this::check);
                offset += page.databases().size();
            } while (!page.databases().isEmpty() && offset < page.total());
        });
    }

    /** Compares one database's open findings with what was seen last time; callers hold the check lock. */
    void check(String database) {
        Instant now = clock.instant();
        List<DriftFindingView> open = openFindings(database);
        boolean firstCheck =
                jdbc.sql("""
                        insert into drift_notification_database (database_name, first_checked_at) values (?, ?)
                        on conflict do nothing""").params(database, java.sql.Timestamp.from(now)).update() == 1;
        Map<String, Seen> before = new HashMap<>();
        jdbc.sql("select finding_key, severity, detail from drift_notification_finding where database_name = ?")
                .param(database)
                .query((rs, row) -> new Seen(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list()
                .forEach(seen -> before.put(seen.key(), seen));
        for (DriftFindingView finding : open) {
            String key = key(finding);
            Seen seen = before.remove(key);
            if (seen == null) {
                remember(database, key, finding, now);
                if (!firstCheck) {
                    announce(NotificationKind.DRIFT_OPENED, database, key, finding, now, "opened");
                }
            } else if (worse(finding, seen)) {
                remember(database, key, finding, now);
                announce(NotificationKind.DRIFT_WORSENED, database, key, finding, now, "worsened");
            }
        }
        // What is no longer open is forgotten, so that it is announced again should it reopen.
        before.keySet()
                .forEach(key -> jdbc.sql(
                                "delete from drift_notification_finding where database_name = ? and finding_key = ?")
                        .params(database, key)
                        .update());
    }

    private List<DriftFindingView> openFindings(String database) {
        List<DriftFindingView> findings = new ArrayList<>();
        int offset = 0;
        while (true) {
            Optional<DriftReportView> page = queries.query(
                            new FindDrift(database, offset, FindDrift.MAX_LIMIT),
                            ResponseTypes.optionalInstanceOf(DriftReportView.class))
                    .join();
            if (page.isEmpty() || page.get().findings().isEmpty()) {
                return findings;
            }
            findings.addAll(page.get().findings());
            offset += FindDrift.MAX_LIMIT;
            if (offset >= page.get().total()) {
                return findings;
            }
        }
    }

    /**
     * A finding about a migration is the same finding while its detail changes (the detail is what worsens); one
     * about a whole environment (a structural difference) is told apart by its detail.
     */
    static String key(DriftFindingView finding) {
        return String.join(
                "|",
                finding.kind(),
                finding.environment(),
                finding.migrationId() != null ? "migration:" + finding.migrationId() : "detail:" + finding.detail());
    }

    static boolean worse(DriftFindingView finding, Seen seen) {
        return rank(finding.severity()) > rank(seen.severity()) || !Objects.equals(finding.detail(), seen.detail());
    }

    private static int rank(String severity) {
        return switch (severity) {
            case "HIGH" -> 3;
            case "MEDIUM" -> 2;
            case "LOW" -> 1;
            default -> 0;
        };
    }

    private void remember(String database, String key, DriftFindingView finding, Instant now) {
        jdbc.sql("""
                        insert into drift_notification_finding (database_name, finding_key, severity, detail, seen_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (database_name, finding_key)
                        do update set severity = excluded.severity, detail = excluded.detail, seen_at = excluded.seen_at""")
                .params(database, key, finding.severity(), finding.detail(), java.sql.Timestamp.from(now))
                .update();
    }

    private void announce(
            NotificationKind kind, String database, String key, DriftFindingView finding, Instant now, String what) {
        if (finding.acknowledgement() != null) {
            return;
        }
        outbox.enqueue(
                "drift/%s/%s/%s/%s".formatted(database, key, finding.severity(), finding.detail()),
                "DriftFinding",
                now,
                kind,
                database,
                finding.migrationId(),
                finding.environment(),
                "%s: %s drift %s in %s (%s): %s"
                        .formatted(
                                database,
                                finding.severity(),
                                what,
                                finding.environment(),
                                finding.kind(),
                                finding.detail()),
                List.of());
    }

    record Seen(String key, String severity, String detail) {}
}
