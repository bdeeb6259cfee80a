package org.migrationledger.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * The prototype recorded every apply attempt as one {@code MigrationExecuted} with an {@code outcome}. A failed
 * attempt is not an applied migration, so the event was split by meaning, and this upcaster changes the stored type
 * of each old row by its outcome:
 *
 * <ul>
 *   <li>{@code SUCCESS} becomes {@code MigrationApplied} revision 1 (the prototype's shape of that event, free-text
 *       environment included), so that {@link MigrationAppliedV1ToV2Upcaster}, later in the chain, takes it on;
 *   <li>any other outcome becomes {@code MigrationApplyFailed} revision 1 with the environment normalised and no
 *       duration: the ledger never claims a migration applied unless the record says it succeeded.
 * </ul>
 *
 * <p>The prototype judged no policy yet, so both carry no violations; {@code executedAt} is the attempt's start.
 */
final class MigrationExecutedV1SplitUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType SOURCE =
            new SimpleSerializedType("org.migrationledger.api.events.MigrationExecuted", "1");
    static final SimpleSerializedType APPLIED =
            new SimpleSerializedType("org.migrationledger.api.events.MigrationApplied", "1");
    static final SimpleSerializedType APPLY_FAILED =
            new SimpleSerializedType("org.migrationledger.api.events.MigrationApplyFailed", "1");

    static final String SUCCESS = "SUCCESS";

    private static final String OUTCOME = "outcome";
    private static final String EXECUTED_AT = "executedAt";
    private static final String STARTED_AT = "startedAt";
    private static final String ENVIRONMENT = "environment";
    private static final String DURATION_MS = "durationMs";
    private static final String ERROR = "error";
    private static final String VIOLATIONS = "violations";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return SOURCE.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        if (succeeded(representation.getData(JsonNode.class).getData())) {
            return representation.upcastPayload(APPLIED, JsonNode.class, MigrationExecutedV1SplitUpcaster::toApplied);
        }
        return representation.upcastPayload(
                APPLY_FAILED, JsonNode.class, MigrationExecutedV1SplitUpcaster::toApplyFailed);
    }

    static boolean succeeded(JsonNode executed) {
        String outcome = executed.path(OUTCOME).asText("");
        return SUCCESS.equals(outcome.strip().toUpperCase(Locale.ROOT));
    }

    static JsonNode toApplied(JsonNode executed) {
        ObjectNode applied = common(executed);
        applied.remove(ERROR);
        return applied;
    }

    static JsonNode toApplyFailed(JsonNode executed) {
        ObjectNode failed = common(executed);
        failed.put(
                ENVIRONMENT,
                EnvironmentNames.normalise(executed.path(ENVIRONMENT).textValue()));
        failed.putNull(DURATION_MS);
        failed.set(ERROR, executed.get(ERROR));
        return failed;
    }

    private static ObjectNode common(JsonNode executed) {
        ObjectNode event = executed.deepCopy();
        event.remove(OUTCOME);
        event.set(STARTED_AT, event.remove(EXECUTED_AT));
        event.putArray(VIOLATIONS);
        return event;
    }
}
