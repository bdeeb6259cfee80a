package org.migrationledger.api.queries;

import java.time.Instant;

/** A release reported deployed to an environment while a schema version ran there. */
public record ReleaseObservationView(String release, String schemaVersion, Instant deployedAt, String deployedBy) {}
