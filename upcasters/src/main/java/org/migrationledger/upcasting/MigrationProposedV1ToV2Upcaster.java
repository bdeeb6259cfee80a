package org.migrationledger.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Revision 2 of {@code MigrationProposed} added {@code category}; revision 1 is read with the category
 * {@link CategoryInference} derives from the stored proposal alone.
 */
final class MigrationProposedV1ToV2Upcaster extends SingleEventUpcaster {

    static final SimpleSerializedType SOURCE =
            new SimpleSerializedType("org.migrationledger.api.events.MigrationProposed", "1");
    static final SimpleSerializedType TARGET =
            new SimpleSerializedType("org.migrationledger.api.events.MigrationProposed", "2");

    private static final String CATEGORY = "category";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return SOURCE.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(TARGET, JsonNode.class, MigrationProposedV1ToV2Upcaster::upcast);
    }

    static JsonNode upcast(JsonNode revision1) {
        ObjectNode proposal = revision1.deepCopy();
        proposal.put(CATEGORY, CategoryInference.of(revision1));
        return proposal;
    }
}
