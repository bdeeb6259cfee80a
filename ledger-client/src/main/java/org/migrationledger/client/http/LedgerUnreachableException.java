package org.migrationledger.client.http;

/** The ledger could not be reached, or answered with a server error, after every attempt. */
public class LedgerUnreachableException extends RuntimeException {

    public LedgerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
