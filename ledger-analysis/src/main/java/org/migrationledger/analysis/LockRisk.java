package org.migrationledger.analysis;

import java.util.List;

/**
 * The strongest lock the migration takes on a relation that existed before it.
 *
 * @param strongestLock PostgreSQL lock mode name, e.g. {@code ACCESS EXCLUSIVE}, or {@code NONE}
 * @param tables the relations locked at that level (tables, or indexes for DROP INDEX), in script order
 */
public record LockRisk(String strongestLock, List<String> tables) {

    public static final LockRisk NONE = new LockRisk("NONE", List.of());

    public LockRisk {
        tables = List.copyOf(tables);
    }
}
