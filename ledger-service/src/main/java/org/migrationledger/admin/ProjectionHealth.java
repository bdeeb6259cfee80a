package org.migrationledger.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.migrationledger.projection.audit.AuditTrailConsistencyView;
import org.migrationledger.projection.audit.AuditTrailWatch;
import org.migrationledger.projection.rebuild.DeadLetters;
import org.migrationledger.projection.rebuild.ProcessingFailures;
import org.migrationledger.projection.rebuild.ReadModel;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the read models are faithful: health component {@code projections} is DOWN while a processor is stuck on an
 * event, a read model has set events aside as dead letters, or the serving audit trail misses stored events; the same
 * as metrics to alert on — {@code ledger_projection_failures{read_model}},
 * {@code ledger_projection_dead_letters{read_model}}, {@code ledger_audit_trail_missing_events} and
 * {@code ledger_audit_trail_unexpected_rows}. Readiness is not affected: the ledger still records facts.
 */
@Component("projections")
class ProjectionHealth implements HealthIndicator, MeterBinder {

    private final List<ReadModel> readModels;
    private final ProcessingFailures failures;
    private final AuditTrailWatch auditTrail;
    private final DeadLetters deadLetters;

    ProjectionHealth(
            List<ReadModel> readModels,
            ProcessingFailures failures,
            AuditTrailWatch auditTrail,
            DeadLetters deadLetters) {
        this.readModels = List.copyOf(readModels);
        this.failures = failures;
        this.auditTrail = auditTrail;
        this.deadLetters = deadLetters;
    }

    @Override
    public Health health() {
        var stuck = failures.current();
        var check = auditTrail.lastCheck();
        boolean faithful = check.map(AuditTrailConsistencyView::consistent).orElse(true);
        Map<String, Long> setAside = new TreeMap<>();
        readModels.forEach(model -> {
            long count = deadLetters.count(model.name());
            if (count > 0) {
                setAside.put(model.name(), count);
            }
        });
        Health.Builder health = stuck.isEmpty() && setAside.isEmpty() && faithful ? Health.up() : Health.down();
        health.withDetail("failures", stuck);
        health.withDetail("deadLetters", setAside);
        check.ifPresent(c -> health.withDetail("auditTrail", c));
        return health.build();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ReadModel model : readModels) {
            Gauge.builder("ledger.projection.failures", () -> failures.count(model.name()))
                    .tag("read_model", model.name())
                    .description("Events the read model's processors on this node are stuck on")
                    .register(registry);
            Gauge.builder("ledger.projection.dead.letters", () -> deadLetters.count(model.name()))
                    .tag("read_model", model.name())
                    .description("Events the read model's processors set aside after a handler failed on them")
                    .register(registry);
        }
        auditTrailGauge(registry, "ledger.audit.trail.missing.events", AuditTrailConsistencyView::missing);
        auditTrailGauge(registry, "ledger.audit.trail.unexpected.rows", AuditTrailConsistencyView::unexpected);
    }

    private void auditTrailGauge(MeterRegistry registry, String name, ToLongFunction<AuditTrailConsistencyView> value) {
        Gauge.builder(name, () -> auditTrail.lastCheck().map(value::applyAsLong).orElse(0L))
                .description("From the latest comparison of the serving audit trail with the event store")
                .register(registry);
    }
}
