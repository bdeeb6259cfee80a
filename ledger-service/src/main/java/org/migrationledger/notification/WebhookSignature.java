package org.migrationledger.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a receiver checks: {@code X-Ledger-Signature: sha256=<hex HMAC-SHA256 of the raw body, keyed with the
 * subscription's secret>}, the scheme GitHub's webhooks use, so existing receivers verify it unchanged.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Ledger-Signature";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {}

    public static String of(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
