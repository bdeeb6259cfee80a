package org.migrationledger.notification;

import java.time.Instant;
import java.util.List;
import org.migrationledger.api.events.PolicyViolation;

/**
 * The body a receiver gets (format {@code JSON}); format {@code SLACK} sends {@code {"text": summary}} instead, which
 * Slack's and Mattermost's incoming webhooks accept.
 *
 * @param deliveryId the same on every attempt of this notification to this subscription: de-duplicate on it
 * @param event the ledger event behind it, e.g. {@code MigrationApplied}
 * @param violations the policy violations of a fact; empty otherwise
 */
record Notification(
        String deliveryId,
        NotificationKind kind,
        String database,
        String migrationId,
        String environment,
        String event,
        Instant recordedAt,
        String summary,
        List<PolicyViolation> violations) {}
