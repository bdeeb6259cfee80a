package org.migrationledger.projection.observed;

import java.util.List;
import org.migrationledger.projection.rebuild.ReadModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class ObservedSchemaReadModel extends ReadModel {

    static final String NAME = "observed-schema";
    static final List<String> TABLES = List.of(
            "observed_environment", "observed_schema", "observed_history", "observed_fact", "observed_migration");

    ObservedSchemaReadModel(JdbcClient jdbc) {
        super(NAME, TABLES, generation -> new ObservedSchemaProjection(jdbc, generation));
    }
}
