package org.migrationledger.notification;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The subscriptions in {@code webhook_subscription}; a deleted one keeps its row, for its delivery log. */
@Component
class WebhookSubscriptions {

    /** A subscription; its secret is never part of it, so it cannot leak through an answer. */
    record Subscription(
            String subscriptionId,
            String url,
            Set<NotificationKind> kinds,
            String format,
            String createdBy,
            Instant createdAt,
            Instant deletedAt) {}

    /** One notification to a subscription, as far as it got. */
    record Delivery(
            String deliveryId,
            String kind,
            Instant createdAt,
            int attempts,
            Integer lastStatus,
            String lastError,
            Instant deliveredAt,
            Instant gaveUpAt,
            Instant nextAttemptAt) {}

    /** What the sender needs of a subscription. */
    record Target(String subscriptionId, String url, String secret, String format) {}

    private final JdbcClient jdbc;

    WebhookSubscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Subscription of(String id, String url, Set<NotificationKind> kinds, String format, String by, Instant at) {
        return new Subscription(id, url, kinds, format, by, at, null);
    }

    void create(Subscription subscription, String secret) {
        jdbc.sql("""
                        insert into webhook_subscription (subscription_id, url, secret, kinds, format, created_by,
                        created_at) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        subscription.subscriptionId(),
                        subscription.url(),
                        secret,
                        subscription.kinds().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                        subscription.format(),
                        subscription.createdBy(),
                        java.sql.Timestamp.from(subscription.createdAt()))
                .update();
    }

    List<Subscription> all() {
        return jdbc.sql("""
                        select subscription_id, url, kinds, format, created_by, created_at, deleted_at
                        from webhook_subscription order by created_at, subscription_id""")
                .query((rs, i) -> new Subscription(
                        rs.getString("subscription_id"),
                        rs.getString("url"),
                        kinds(rs.getString("kinds")),
                        rs.getString("format"),
                        rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant(),
                        instant(rs.getTimestamp("deleted_at"))))
                .list();
    }

    Optional<Subscription> find(String subscriptionId) {
        return all().stream()
                .filter(s -> s.subscriptionId().equals(subscriptionId))
                .findFirst();
    }

    /** @return whether a subscription in force was deleted */
    boolean delete(String subscriptionId, Instant at) {
        return jdbc.sql("""
                        update webhook_subscription set deleted_at = ? where subscription_id = ? and deleted_at is null""").params(java.sql.Timestamp.from(at), subscriptionId).update() > 0;
    }

    /** The subscriptions in force that want notifications of the kind. */
    List<Target> wanting(NotificationKind kind) {
        return jdbc.sql("""
                        select subscription_id, url, secret, format from webhook_subscription
                        where deleted_at is null and position(? in kinds) > 0""")
                .param(kind.name())
                .query((rs, i) -> new Target(
                        rs.getString("subscription_id"),
                        rs.getString("url"),
                        rs.getString("secret"),
                        rs.getString("format")))
                .list();
    }

    /** The latest deliveries to a subscription, newest first. */
    List<Delivery> deliveries(String subscriptionId, int limit) {
        return jdbc.sql("""
                        select delivery_id, kind, created_at, attempts, last_status, last_error, delivered_at, gave_up_at,
                        next_attempt_at from webhook_delivery where subscription_id = ?
                        order by created_at desc, delivery_id limit ?""")
                .params(subscriptionId, limit)
                .query((rs, i) -> new Delivery(
                        rs.getString("delivery_id"),
                        rs.getString("kind"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getInt("attempts"),
                        (Integer) rs.getObject("last_status"),
                        rs.getString("last_error"),
                        instant(rs.getTimestamp("delivered_at")),
                        instant(rs.getTimestamp("gave_up_at")),
                        instant(rs.getTimestamp("next_attempt_at"))))
                .list();
    }

    private static Instant instant(java.sql.Timestamp value) {
        return value == null ? null : value.toInstant();
    }

    private static Set<NotificationKind> kinds(String stored) {
        return Arrays.stream(stored.split(",")).map(NotificationKind::valueOf).collect(Collectors.toUnmodifiableSet());
    }
}
