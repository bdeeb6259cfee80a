package org.migrationledger.projection.observed;

import java.util.List;
import org.migrationledger.projection.rebuild.ReadModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class ObservedSchemaReadModel implements ReadModel {

    static final String NAME = "observed-schema";
    static final List<String> TABLES = List.of(
            "observed_environment", "observed_schema", "observed_history", "observed_fact", "observed_migration");

    private final JdbcClient jdbc;

    ObservedSchemaReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return TABLES;
    }

    @Override
    public Object newProjection(int generation) {
        return new ObservedSchemaProjection(jdbc, generation);
    }
}
