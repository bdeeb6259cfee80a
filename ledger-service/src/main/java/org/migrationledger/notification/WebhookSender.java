package org.migrationledger.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries of the outbox: each signed, with its stable delivery id, retried with doubling waits until
 * the receiver answers 2xx or the attempts run out. Rows are claimed in one statement (skip locked), so several
 * service nodes never send the same attempt twice.
 */
@Component
@EnableConfigurationProperties(WebhookSettings.class)
class WebhookSender {

    static final String DELIVERY_HEADER = "X-Ledger-Delivery";
    static final String KIND_HEADER = "X-Ledger-Notification";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final int ERROR_TEXT = 500;

    private record Due(String deliveryId, String kind, String body, int attempts, String url, String secret) {}

    private final JdbcClient jdbc;
    private final WebhookSettings settings;
    private final Clock clock;
    private final HttpClient http;

    WebhookSender(JdbcClient jdbc, WebhookSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @Scheduled(fixedDelayString = "${ledger.webhooks.send-interval:1s}")
    void sendDue() {
        claimDue().forEach(this::attempt);
    }

    /** Due rows, pushed out by twice the timeout so that a node that dies while sending lets another retry them. */
    private List<Due> claimDue() {
        Instant now = clock.instant();
        return jdbc.sql("""
                        update webhook_delivery d set next_attempt_at = ?
                        from webhook_subscription s
                        where d.subscription_id = s.subscription_id and d.delivery_id in (
                            select delivery_id from webhook_delivery where delivered_at is null and gave_up_at is null
                            and next_attempt_at <= ? order by next_attempt_at limit ? for update skip locked)
                        and s.deleted_at is null
                        returning d.delivery_id, d.kind, d.body, d.attempts, s.url, s.secret""")
                .params(
                        java.sql.Timestamp.from(now.plus(settings.timeout().multipliedBy(2))),
                        java.sql.Timestamp.from(now),
                        settings.batchSize())
                .query((rs, i) -> new Due(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }

    private void attempt(Due due) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(due.url()))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header(DELIVERY_HEADER, due.deliveryId())
                .header(KIND_HEADER, due.kind())
                .header(WebhookSignature.HEADER, WebhookSignature.of(due.secret(), due.body()))
                .POST(HttpRequest.BodyPublishers.ofString(due.body()))
                .build();
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                delivered(due, status);
            } else {
                failed(due, status, "HTTP " + status);
            }
        } catch (IOException e) {
            failed(due, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(due, null, "interrupted");
        }
    }

    private void delivered(Due due, int status) {
        jdbc.sql("""
                        update webhook_delivery set attempts = attempts + 1, delivered_at = ?, last_status = ?,
                        last_error = null where delivery_id = ?""")
                .params(java.sql.Timestamp.from(clock.instant()), status, due.deliveryId())
                .update();
    }

    private void failed(Due due, Integer status, String error) {
        int attempts = due.attempts() + 1;
        Instant now = clock.instant();
        boolean giveUp = attempts >= settings.maxAttempts();
        Duration wait = backoff(attempts);
        LOG.warn("Webhook delivery {} attempt {} failed: {}", due.deliveryId(), attempts, error);
        jdbc.sql("""
                        update webhook_delivery set attempts = ?, last_status = ?, last_error = ?, next_attempt_at = ?,
                        gave_up_at = ? where delivery_id = ?""")
                .params(
                        attempts,
                        status,
                        error.length() > ERROR_TEXT ? error.substring(0, ERROR_TEXT) : error,
                        java.sql.Timestamp.from(now.plus(wait)),
                        giveUp ? java.sql.Timestamp.from(now) : null,
                        due.deliveryId())
                .update();
    }

    /** The wait after the given number of failed attempts: the first retry's, doubled each time, capped. */
    Duration backoff(int failedAttempts) {
        Duration wait = settings.firstRetry();
        for (int i = 1; i < failedAttempts && wait.compareTo(settings.maxRetry()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : wait;
    }
}
