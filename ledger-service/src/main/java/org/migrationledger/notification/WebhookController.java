package org.migrationledger.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.migrationledger.ledger.LedgerRuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Webhook subscriptions (admin): who is told what, with which secret, and what was delivered to whom. */
@RestController
@Tag(name = "Webhooks")
@RequestMapping("/api/v1/admin/webhooks")
class WebhookController {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SECRET_BYTES = 32;
    private static final int LOG_LIMIT = 200;

    private final WebhookSubscriptions subscriptions;
    private final Clock clock;

    WebhookController(WebhookSubscriptions subscriptions, Clock clock) {
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @Operation(
            summary = "Subscribe a webhook",
            description =
                    "Subscribes a URL to notifications (kinds FACT_WITH_VIOLATIONS, AWAITING_APPROVAL, DECISION_REFUSED, DRIFT_OPENED, DRIFT_WORSENED; default all), as JSON or as a Slack-compatible {\"text\"} body. Each delivery is a POST signed X-Ledger-Signature: sha256=<hex HMAC-SHA256 of the body with the secret>, with a stable X-Ledger-Delivery id to de-duplicate on; failed attempts are retried with doubling waits. The secret is answered once, here; without one the ledger generates it.")
    @PostMapping
    ResponseEntity<Created> subscribe(@RequestBody @Valid SubscriptionRequest body, Authentication caller) {
        String secret = body.secret() != null ? body.secret() : HexFormat.of().formatHex(randomBytes());
        WebhookSubscriptions.Subscription subscription = WebhookSubscriptions.of(
                UUID.randomUUID().toString(),
                body.url(),
                body.kinds() == null || body.kinds().isEmpty()
                        ? EnumSet.allOf(NotificationKind.class)
                        : EnumSet.copyOf(body.kinds()),
                body.format() == null ? "JSON" : body.format(),
                caller.getName(),
                clock.instant());
        subscriptions.create(subscription, secret);
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(subscription, secret));
    }

    @Operation(
            summary = "List webhook subscriptions",
            description = "Every subscription, deleted ones included; never their secrets.")
    @GetMapping
    List<WebhookSubscriptions.Subscription> list() {
        return subscriptions.all();
    }

    @Operation(
            summary = "Delete a webhook subscription",
            description =
                    "Stops notifying the subscription; its delivery log stays. 404 for an unknown or deleted one.")
    @DeleteMapping("/{subscriptionId}")
    ResponseEntity<Void> delete(@PathVariable String subscriptionId) {
        if (!subscriptions.delete(subscriptionId, clock.instant())) {
            throw unknown(subscriptionId);
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "Read a subscription's delivery log",
            description =
                    "The latest deliveries to the subscription (at most 200, newest first): delivery id, kind, attempts, last HTTP status or error, when delivered or given up.")
    @GetMapping("/{subscriptionId}/deliveries")
    List<WebhookSubscriptions.Delivery> deliveries(@PathVariable String subscriptionId) {
        subscriptions.find(subscriptionId).orElseThrow(() -> unknown(subscriptionId));
        return subscriptions.deliveries(subscriptionId, LOG_LIMIT);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static LedgerRuleViolation unknown(String subscriptionId) {
        return new LedgerRuleViolation(
                "unknown-subscription",
                LedgerRuleViolation.Refusal.UNKNOWN,
                "There is no webhook subscription " + subscriptionId + " in force.");
    }

    record SubscriptionRequest(
            @NotBlank @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL")
            String url,

            @Size(min = 16, max = 200, message = "must be 16 to 200 characters")
            String secret,

            Set<NotificationKind> kinds,

            @Pattern(regexp = "JSON|SLACK", message = "must be JSON or SLACK")
            String format) {}

    /** The answer to a subscription: the only time its secret is shown. */
    record Created(WebhookSubscriptions.Subscription subscription, String secret) {}
}
