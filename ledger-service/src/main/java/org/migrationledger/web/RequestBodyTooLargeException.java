package org.migrationledger.web;

import java.io.IOException;

/** The request body passed {@code ledger.api.max-body-bytes}. An IOException so that it travels through readers. */
public class RequestBodyTooLargeException extends IOException {

    public RequestBodyTooLargeException(long limit) {
        super("The request body is larger than the limit of " + limit + " bytes.");
    }
}
