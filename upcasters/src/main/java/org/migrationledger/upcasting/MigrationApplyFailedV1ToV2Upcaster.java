package org.migrationledger.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Revision 2 of {@code MigrationApplyFailed} added {@code failedStatement}. It stays null for revision-1 facts: the
 * pipelines never sent it then, and the ledger does not guess which statement of the script failed from the error
 * text. Revision-1 error texts were stored unmasked and uncut; they are left as they are, since events are never
 * edited (masking applies to what is recorded from revision 2 on).
 */
final class MigrationApplyFailedV1ToV2Upcaster extends SingleEventUpcaster {

    static final SimpleSerializedType SOURCE =
            new SimpleSerializedType("org.migrationledger.api.events.MigrationApplyFailed", "1");
    static final SimpleSerializedType TARGET =
            new SimpleSerializedType("org.migrationledger.api.events.MigrationApplyFailed", "2");

    private static final String FAILED_STATEMENT = "failedStatement";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return SOURCE.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(TARGET, JsonNode.class, MigrationApplyFailedV1ToV2Upcaster::upcast);
    }

    static JsonNode upcast(JsonNode revision1) {
        ObjectNode failed = revision1.deepCopy();
        failed.putNull(FAILED_STATEMENT);
        return failed;
    }
}
