package org.migrationledger.projection.drift;

import java.util.List;
import org.migrationledger.projection.rebuild.ReadModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class DriftReadModel implements ReadModel {

    static final String NAME = "drift";
    static final List<String> TABLES = List.of("drift_environment", "drift_migration", "drift_decision", "drift_fact");

    private final JdbcClient jdbc;

    DriftReadModel(JdbcClient jdbc) {
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
        return new DriftProjection(jdbc, generation);
    }
}
