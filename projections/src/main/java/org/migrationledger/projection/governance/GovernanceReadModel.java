package org.migrationledger.projection.governance;

import java.util.List;
import org.migrationledger.projection.rebuild.ReadModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class GovernanceReadModel extends ReadModel {

    static final String NAME = "governance";
    static final List<String> TABLES =
            List.of("governance_unproposed", "governance_ended", "governance_acknowledgement");

    GovernanceReadModel(JdbcClient jdbc) {
        super(NAME, TABLES, generation -> new GovernanceProjection(jdbc, generation));
    }
}
