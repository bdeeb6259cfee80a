package org.migrationledger.analysis.change;

public enum ConstraintKind {
    PRIMARY_KEY,
    UNIQUE,
    FOREIGN_KEY,
    CHECK,
    EXCLUDE,
    OTHER
}
