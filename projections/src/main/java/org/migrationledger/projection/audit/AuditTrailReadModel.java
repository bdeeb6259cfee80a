package org.migrationledger.projection.audit;

import java.util.List;
import org.migrationledger.projection.rebuild.ReadModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class AuditTrailReadModel implements ReadModel {

    static final String NAME = "audit-trail";

    private final JdbcClient jdbc;

    AuditTrailReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of("audit_event");
    }

    @Override
    public Object newProjection(int generation) {
        return new AuditTrailProjection(jdbc, generation);
    }
}
