package org.migrationledger.projection.audit;

import java.util.List;
import org.migrationledger.projection.rebuild.ReadModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class AuditTrailReadModel extends ReadModel {

    static final String NAME = "audit-trail";

    AuditTrailReadModel(JdbcClient jdbc) {
        super(NAME, List.of("audit_event"), generation -> new AuditTrailProjection(jdbc, generation));
    }
}
