package org.migrationledger.analysis;

/** How much a finding matters; {@link #ERROR} marks a breaking change in the seeds' sense. */
public enum Severity {
    INFO,
    WARNING,
    ERROR
}
