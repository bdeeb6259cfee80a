package org.migrationledger.projection.drift;

import java.util.List;
import org.migrationledger.projection.rebuild.ReadModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class DriftReadModel extends ReadModel {

    static final String NAME = "drift";
    static final List<String> TABLES =
            List.of("drift_environment", "drift_migration", "drift_decision", "drift_fact", "drift_finding");

    DriftReadModel(JdbcClient jdbc) {
        super(NAME, TABLES, generation -> new DriftProjection(jdbc, generation));
    }
}
