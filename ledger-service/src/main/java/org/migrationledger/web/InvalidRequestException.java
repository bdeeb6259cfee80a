package org.migrationledger.web;

import org.springframework.http.HttpStatus;

/** A request field that bean validation cannot judge on its own, e.g. a checksum that does not match the script. */
public class InvalidRequestException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String field;

    public InvalidRequestException(HttpStatus status, String type, String field, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.field = field;
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String field() {
        return field;
    }
}
