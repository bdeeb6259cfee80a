package org.migrationledger.projection.fleet;

import java.util.List;
import org.migrationledger.projection.rebuild.ReadModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class FleetReadModel extends ReadModel {

    static final String NAME = "fleet";
    static final List<String> TABLES = List.of("fleet_environment", "fleet_migration", "fleet_status");

    FleetReadModel(JdbcClient jdbc) {
        super(NAME, TABLES, generation -> new FleetProjection(jdbc, generation));
    }
}
