package org.migrationledger.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Revision 3 of {@code SchemaLedgerSnapshot} keeps each migration's normalised-SQL hash, so that a revised script
 * can be told cosmetic or semantic. A revision-2 snapshot did not know it: the hash is null, and the next revision of
 * such a migration counts as semantic until a snapshot taken after this release replaces the old one.
 */
final class SchemaLedgerSnapshotV2ToV3Upcaster extends SingleEventUpcaster {

    static final SimpleSerializedType SOURCE =
            new SimpleSerializedType("org.migrationledger.ledger.SchemaLedgerSnapshot", "2");
    static final SimpleSerializedType TARGET =
            new SimpleSerializedType("org.migrationledger.ledger.SchemaLedgerSnapshot", "3");

    private static final String MIGRATIONS = "migrations";
    private static final String NORMALIZED_SQL_HASH = "normalizedSqlHash";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return SOURCE.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(TARGET, JsonNode.class, SchemaLedgerSnapshotV2ToV3Upcaster::upcast);
    }

    static JsonNode upcast(JsonNode revision2) {
        ObjectNode snapshot = revision2.deepCopy();
        for (JsonNode migration : snapshot.path(MIGRATIONS)) {
            ((ObjectNode) migration).putNull(NORMALIZED_SQL_HASH);
        }
        return snapshot;
    }
}
