package org.migrationledger.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Lazy migration of the ledger's snapshots (ADR 0003): revision 1 of {@code SchemaLedgerSnapshot} kept each
 * migration's per-environment facts as a JSON object keyed by environment, written in hash-map order, so equal states
 * could give different bytes. Revision 2 keeps them as a list sorted by environment name. The snapshot table is not
 * rewritten; an old snapshot is read through this upcaster until the next snapshot replaces it.
 */
final class SchemaLedgerSnapshotV1ToV2Upcaster extends SingleEventUpcaster {

    static final SimpleSerializedType SOURCE =
            new SimpleSerializedType("org.migrationledger.ledger.SchemaLedgerSnapshot", "1");
    static final SimpleSerializedType TARGET =
            new SimpleSerializedType("org.migrationledger.ledger.SchemaLedgerSnapshot", "2");

    private static final String MIGRATIONS = "migrations";
    private static final String ENVIRONMENTS = "environments";
    private static final String ENVIRONMENT = "environment";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return SOURCE.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(TARGET, JsonNode.class, SchemaLedgerSnapshotV1ToV2Upcaster::upcast);
    }

    static JsonNode upcast(JsonNode revision1) {
        ObjectNode snapshot = revision1.deepCopy();
        for (JsonNode migration : snapshot.path(MIGRATIONS)) {
            ObjectNode migrationNode = (ObjectNode) migration;
            migrationNode.set(ENVIRONMENTS, asSortedList(migrationNode.path(ENVIRONMENTS), migrationNode.arrayNode()));
        }
        return snapshot;
    }

    private static ArrayNode asSortedList(JsonNode byEnvironment, ArrayNode list) {
        List<String> names = new ArrayList<>();
        byEnvironment.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        for (String name : names) {
            ObjectNode fact = list.addObject().put(ENVIRONMENT, name);
            fact.setAll((ObjectNode) byEnvironment.get(name));
        }
        return list;
    }
}
