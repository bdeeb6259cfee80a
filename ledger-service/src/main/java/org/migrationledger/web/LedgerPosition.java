package org.migrationledger.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The {@code Ledger-Position} header: where a client's write landed, for reading it back with minPosition. */
public final class LedgerPosition {

    public static final String HEADER = "Ledger-Position";

    private LedgerPosition() {}

    public static <T> ResponseEntity<T> respond(HttpStatus status, long position, T body) {
        return ResponseEntity.status(status)
                .header(HEADER, Long.toString(position))
                .body(body);
    }
}
