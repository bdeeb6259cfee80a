package org.migrationledger.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.migrationledger.api.events.MigrationApplied;
import org.migrationledger.api.events.MigrationApplyFailed;
import org.migrationledger.api.events.MigrationProposed;
import org.migrationledger.api.events.MigrationRevised;
import org.migrationledger.api.events.MigrationRolledBack;
import org.migrationledger.api.events.PolicyViolation;
import org.migrationledger.web.DecisionRefused;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns events into outbox rows, one per subscription that wants them. A tracking processor (its own token, started
 * at the head of the stream: a new subscription is not sent the past) runs it, so a write never waits for a receiver
 * and an event handled again after a restart finds its rows already there (the delivery id is derived from the
 * subscription and the event).
 */
@Component
@ProcessingGroup(NotificationOutbox.PROCESSING_GROUP)
class NotificationOutbox {

    static final String PROCESSING_GROUP = "notifications";
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final JdbcClient jdbc;
    private final WebhookSubscriptions subscriptions;
    private final Clock clock;

    NotificationOutbox(JdbcClient jdbc, WebhookSubscriptions subscriptions, Clock clock) {
        this.jdbc = jdbc;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @EventHandler
    void on(MigrationApplied event, EventMessage<?> message, @Timestamp Instant at) {
        fact(message, at, event.database(), event.migrationId(), event.environment(), "applied", event.violations());
    }

    @EventHandler
    void on(MigrationApplyFailed event, EventMessage<?> message, @Timestamp Instant at) {
        fact(message, at, event.database(), event.migrationId(), event.environment(), "failed", event.violations());
    }

    @EventHandler
    void on(MigrationRolledBack event, EventMessage<?> message, @Timestamp Instant at) {
        fact(
                message,
                at,
                event.database(),
                event.migrationId(),
                event.environment(),
                "rolled back",
                event.violations());
    }

    @EventHandler
    void on(MigrationProposed event, EventMessage<?> message, @Timestamp Instant at) {
        awaiting(message, at, event.database(), event.migrationId(), "was proposed by " + event.proposedBy());
    }

    @EventHandler
    void on(MigrationRevised event, EventMessage<?> message, @Timestamp Instant at) {
        awaiting(message, at, event.database(), event.migrationId(), "was revised by " + event.revisedBy());
    }

    private void fact(
            EventMessage<?> message,
            Instant at,
            String database,
            String migrationId,
            String environment,
            String what,
            List<PolicyViolation> violations) {
        if (violations.isEmpty()) {
            return;
        }
        String codes =
                String.join(", ", violations.stream().map(PolicyViolation::code).toList());
        enqueue(
                message,
                at,
                NotificationKind.FACT_WITH_VIOLATIONS,
                database,
                migrationId,
                environment,
                "%s: %s %s in %s with violations %s".formatted(database, migrationId, what, environment, codes),
                violations);
    }

    private void awaiting(EventMessage<?> message, Instant at, String database, String migrationId, String what) {
        enqueue(
                message,
                at,
                NotificationKind.AWAITING_APPROVAL,
                database,
                migrationId,
                null,
                "%s: %s %s and waits for approval".formatted(database, migrationId, what),
                List.of());
    }

    /**
     * A refused decision stores no ledger event, so no processor sees it: its rows are written when the refusal is
     * answered, each refusal under an id of its own.
     */
    @org.springframework.context.event.EventListener
    void on(DecisionRefused refusal) {
        enqueue(
                UUID.randomUUID().toString(),
                "DecisionRefused",
                clock.instant(),
                NotificationKind.DECISION_REFUSED,
                refusal.database(),
                refusal.migrationId(),
                null,
                "%s %s by %s refused (%s): %s"
                        .formatted(
                                refusal.method(),
                                refusal.path(),
                                refusal.principal(),
                                refusal.problemType(),
                                refusal.detail()),
                List.of());
    }

    private void enqueue(
            EventMessage<?> message,
            Instant at,
            NotificationKind kind,
            String database,
            String migrationId,
            String environment,
            String summary,
            List<PolicyViolation> violations) {
        enqueue(
                message.getIdentifier(),
                message.getPayloadType().getSimpleName(),
                at,
                kind,
                database,
                migrationId,
                environment,
                summary,
                violations);
    }

    /**
     * Writes a notification for every subscription that wants its kind.
     *
     * @param sourceId what the notification is about, stable across nodes and restarts: the delivery id is derived
     *     from it
     */
    void enqueue(
            String sourceId,
            String event,
            Instant at,
            NotificationKind kind,
            String database,
            String migrationId,
            String environment,
            String summary,
            List<PolicyViolation> violations) {
        for (WebhookSubscriptions.Target target : subscriptions.wanting(kind)) {
            String deliveryId = UUID.nameUUIDFromBytes(
                            (target.subscriptionId() + "/" + sourceId + "/" + kind).getBytes(StandardCharsets.UTF_8))
                    .toString();
            Notification notification = new Notification(
                    deliveryId, kind, database, migrationId, environment, event, at, summary, violations);
            jdbc.sql("""
                            insert into webhook_delivery (delivery_id, subscription_id, kind, body, created_at,
                            next_attempt_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(
                            deliveryId,
                            target.subscriptionId(),
                            kind.name(),
                            body(target.format(), notification),
                            java.sql.Timestamp.from(at),
                            java.sql.Timestamp.from(at))
                    .update();
        }
    }

    private static String body(String format, Notification notification) {
        try {
            return "SLACK".equals(format)
                    ? JSON.writeValueAsString(Map.of("text", notification.summary()))
                    : JSON.writeValueAsString(notification);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a notification as JSON", e);
        }
    }
}
