package org.migrationledger.projection.compatibility;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import org.migrationledger.projection.rebuild.ReadModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class CompatibilityReadModel extends ReadModel {

    static final String NAME = "compatibility";
    static final List<String> TABLES = List.of(
            "compatibility_environment",
            "compatibility_migration",
            "compatibility_approval",
            "compatibility_status",
            "compatibility_release",
            "compatibility_release_tally");

    /** Writes the risk and analysis columns; a read-model detail, independent of the stored-event format. */
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    CompatibilityReadModel(JdbcClient jdbc) {
        super(NAME, TABLES, generation -> new CompatibilityProjection(jdbc, generation));
    }
}
