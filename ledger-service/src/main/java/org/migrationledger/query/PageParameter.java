package org.migrationledger.query;

import org.migrationledger.web.InvalidRequestException;
import org.springframework.http.HttpStatus;

/** The {@code offset} and {@code limit} of a paged GET: bounded, and refused naming the parameter when out of bounds. */
final class PageParameter {

    private PageParameter() {}

    static int within(String name, Integer value, int min, int max, int absent) {
        if (value == null) {
            return absent;
        }
        if (value < min || value > max) {
            throw new InvalidRequestException(
                    HttpStatus.BAD_REQUEST,
                    "invalid-request",
                    name,
                    name + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }
}
