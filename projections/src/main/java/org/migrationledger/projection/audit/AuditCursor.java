package org.migrationledger.projection.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Where a page of the audit trail ended: the (recorded time, global index) of its last event, as an opaque text. */
record AuditCursor(Instant recordedAt, long position) {

    String encode() {
        String raw = recordedAt.getEpochSecond() + "." + recordedAt.getNano() + ":" + position;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is not a cursor this class wrote */
    static AuditCursor decode(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            int dot = raw.indexOf('.');
            if (colon < 0 || dot < 0 || dot > colon) {
                throw new IllegalArgumentException("Not an audit cursor: " + text);
            }
            Instant at = Instant.ofEpochSecond(
                    Long.parseLong(raw.substring(0, dot)), Long.parseLong(raw.substring(dot + 1, colon)));
            return new AuditCursor(at, Long.parseLong(raw.substring(colon + 1)));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new IllegalArgumentException("Not an audit cursor: " + text, e);
        }
    }
}
