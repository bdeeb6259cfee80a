package org.migrationledger.analysis.empirical;

import java.util.Comparator;
import java.util.List;
import org.migrationledger.analysis.LockRisk;
import org.migrationledger.analysis.change.LockLevel;

/**
 * What a migration really did on a disposable database, observed inside its transaction before the rollback.
 *
 * @param database the JDBC URL analysed (credentials are never part of it)
 * @param catalogChanges tables, columns, indexes, constraints and enum values added, removed or changed
 * @param rewrittenTables tables that got a new data file: rewritten (or truncated) while locked
 * @param locks relation locks the migration's backend held at the end
 */
public record EmpiricalReport(
        String database,
        String serverVersion,
        List<StatementOutcome> statements,
        List<CatalogChange> catalogChanges,
        List<String> rewrittenTables,
        List<HeldLock> locks,
        boolean rolledBack) {

    public EmpiricalReport {
        statements = List.copyOf(statements);
        catalogChanges = List.copyOf(catalogChanges);
        rewrittenTables = List.copyOf(rewrittenTables);
        locks = List.copyOf(locks);
    }

    public boolean succeeded() {
        return statements.stream().noneMatch(s -> s.status() == StatementOutcome.Status.FAILED);
    }

    /** The strongest lock held on relations that existed before, comparable with the static analysis. */
    public LockRisk lockRisk() {
        LockLevel strongest = locks.stream()
                .filter(HeldLock::preExisting)
                .map(HeldLock::mode)
                .max(Comparator.naturalOrder())
                .orElse(LockLevel.NONE);
        if (strongest == LockLevel.NONE) {
            return LockRisk.NONE;
        }
        List<String> relations = locks.stream()
                .filter(l -> l.preExisting() && l.mode() == strongest)
                .map(HeldLock::relation)
                .distinct()
                .toList();
        return new LockRisk(strongest.modeName(), relations);
    }

    public List<StatementOutcome> statementsWith(StatementOutcome.Status status) {
        return statements.stream().filter(s -> s.status() == status).toList();
    }
}
