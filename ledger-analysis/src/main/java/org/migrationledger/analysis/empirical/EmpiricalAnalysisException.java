package org.migrationledger.analysis.empirical;

/** The disposable database could not be reached or inspected; the migration's own errors are outcomes instead. */
public final class EmpiricalAnalysisException extends RuntimeException {

    public EmpiricalAnalysisException(String message, Throwable cause) {
        super(message, cause);
    }
}
