package org.migrationledger.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Revision 1 of {@code MigrationApplied} carried the environment as the pipeline typed it and no duration. Revision 2
 * names an environment of the promotion path ({@link EnvironmentNames}) and has {@code durationMs}, which stays null
 * for revision-1 facts: the prototype never measured it, and the ledger does not invent measurements.
 */
final class MigrationAppliedV1ToV2Upcaster extends SingleEventUpcaster {

    static final SimpleSerializedType SOURCE =
            new SimpleSerializedType("org.migrationledger.api.events.MigrationApplied", "1");
    static final SimpleSerializedType TARGET =
            new SimpleSerializedType("org.migrationledger.api.events.MigrationApplied", "2");

    private static final String ENVIRONMENT = "environment";
    private static final String DURATION_MS = "durationMs";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return SOURCE.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(TARGET, JsonNode.class, MigrationAppliedV1ToV2Upcaster::upcast);
    }

    static JsonNode upcast(JsonNode revision1) {
        ObjectNode applied = revision1.deepCopy();
        applied.put(
                ENVIRONMENT,
                EnvironmentNames.normalise(revision1.path(ENVIRONMENT).textValue()));
        applied.putNull(DURATION_MS);
        return applied;
    }
}
