package org.migrationledger.projection.observed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import org.migrationledger.api.events.SchemaSnapshotObserved.HistoryRow;
import org.migrationledger.api.events.SchemaSnapshotObserved.Schema;

/** The JSON text this read model keeps observed schemas and history rows in: the events' own nested records. */
final class ObservedJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private ObservedJson() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An observed schema always serialises", e);
        }
    }

    static Schema schema(String json) {
        try {
            return MAPPER.readValue(json, Schema.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored observed schema is unreadable", e);
        }
    }

    static List<HistoryRow> history(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<List<HistoryRow>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored observed history is unreadable", e);
        }
    }
}
