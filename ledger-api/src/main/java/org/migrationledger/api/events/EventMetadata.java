package org.migrationledger.api.events;

/**
 * Keys of the metadata every ledger event carries next to its payload. Axon adds {@code correlationId} and
 * {@code traceId} itself; the ledger adds who caused the event and from where.
 */
public final class EventMetadata {

    /** The authenticated principal whose request caused the event. */
    public static final String PRINCIPAL = "principal";

    /** The tool that reported it, e.g. {@code flyway}, {@code ledger-cli}, {@code curl}; absent when unknown. */
    public static final String SOURCE_TOOL = "sourceTool";

    /** The pipeline run (CI job URL) that reported it; absent when unknown. */
    public static final String SOURCE_RUN_URL = "sourceRunUrl";

    /** Ties together all events caused by one request; taken from the {@code X-Correlation-Id} header if sent. */
    public static final String CORRELATION_ID = "correlationId";

    private EventMetadata() {}
}
