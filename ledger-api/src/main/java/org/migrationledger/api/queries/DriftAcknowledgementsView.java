package org.migrationledger.api.queries;

import java.util.List;

/** The acknowledgements of drift of one database, newest first. */
public record DriftAcknowledgementsView(String database, List<DriftAcknowledgementView> acknowledgements) {

    public DriftAcknowledgementsView {
        acknowledgements = List.copyOf(acknowledgements);
    }
}
