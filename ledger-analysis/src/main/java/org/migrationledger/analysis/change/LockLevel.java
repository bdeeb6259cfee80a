package org.migrationledger.analysis.change;

import java.util.Arrays;

/** PostgreSQL's table-level lock modes, weakest first, so their order is their strength. */
public enum LockLevel {
    NONE("NONE", null),
    ACCESS_SHARE("ACCESS SHARE", "AccessShareLock"),
    ROW_SHARE("ROW SHARE", "RowShareLock"),
    ROW_EXCLUSIVE("ROW EXCLUSIVE", "RowExclusiveLock"),
    SHARE_UPDATE_EXCLUSIVE("SHARE UPDATE EXCLUSIVE", "ShareUpdateExclusiveLock"),
    SHARE("SHARE", "ShareLock"),
    SHARE_ROW_EXCLUSIVE("SHARE ROW EXCLUSIVE", "ShareRowExclusiveLock"),
    EXCLUSIVE("EXCLUSIVE", "ExclusiveLock"),
    ACCESS_EXCLUSIVE("ACCESS EXCLUSIVE", "AccessExclusiveLock");

    private final String modeName;
    private final String pgLocksMode;

    LockLevel(String modeName, String pgLocksMode) {
        this.modeName = modeName;
        this.pgLocksMode = pgLocksMode;
    }

    /** The name the PostgreSQL documentation uses, e.g. {@code ACCESS EXCLUSIVE}. */
    public String modeName() {
        return modeName;
    }

    /** Reads the {@code mode} column of {@code pg_locks}, e.g. {@code AccessExclusiveLock}. */
    public static LockLevel fromPgLocksMode(String mode) {
        return Arrays.stream(values())
                .filter(level -> level.pgLocksMode != null && level.pgLocksMode.equals(mode))
                .findFirst()
                .orElse(NONE);
    }

    public LockLevel max(LockLevel other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** From SHARE up, a waiting or granted lock stops ordinary writes to the table. */
    public boolean blocksWrites() {
        return compareTo(SHARE) >= 0;
    }
}
