package org.migrationledger.projection.rebuild;

import java.time.Instant;

/** An event a read model's processor failed to handle and keeps retrying, holding the read model back. */
public record ProcessingFailureView(
        String readModel,
        String processorName,
        String eventId,
        String eventType,
        String error,
        Instant firstFailedAt,
        int attempts) {}
