package org.migrationledger.analysis.empirical;

import org.migrationledger.analysis.change.LockLevel;

/**
 * A relation lock the migration's own backend held just before the rollback.
 *
 * @param relationKind {@code table}, {@code index}, {@code sequence}, {@code view} or the raw pg_class relkind
 * @param preExisting whether the relation existed before the migration (locks on new ones block nobody)
 */
public record HeldLock(String relation, String relationKind, LockLevel mode, boolean granted, boolean preExisting) {}
