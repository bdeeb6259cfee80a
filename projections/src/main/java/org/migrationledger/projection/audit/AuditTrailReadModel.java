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

    /**
     * The audit trail is the evidence: a dead-lettered event would be a hole the consistency check rebuilds, and the
     * rebuild would dead-letter it again. Stopping keeps the trail complete up to its position and the failure loud.
     */
    @Override
    public boolean stopsOnFailure() {
        return true;
    }
}
