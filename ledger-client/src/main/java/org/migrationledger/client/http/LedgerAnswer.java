package org.migrationledger.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * What the ledger answered.
 *
 * @param status the HTTP status
 * @param body the parsed JSON body; a missing node when there was none
 * @param position the {@code Ledger-Position} header, or -1 when absent
 * @param replayed whether the ledger answered a retried write from its idempotency store (recording nothing again)
 */
public record LedgerAnswer(int status, JsonNode body, long position, boolean replayed) {

    public LedgerAnswer {
        body = body == null ? MissingNode.getInstance() : body;
    }

    public boolean succeeded() {
        return status >= 200 && status < 300;
    }

    /** The last segment of a problem's {@code type}, e.g. {@code self-approval}; empty when not a problem. */
    public String problemType() {
        String type = body.path("type").asText("");
        return type.substring(type.lastIndexOf('/') + 1);
    }

    /** The problem's human sentence, or the raw body when the answer is not a problem. */
    public String problemDetail() {
        JsonNode detail = body.path("detail");
        if (detail.isTextual()) {
            StringBuilder text = new StringBuilder(detail.asText());
            body.path("errors")
                    .forEach(error -> text.append(System.lineSeparator())
                            .append("  ")
                            .append(error.path("field").asText())
                            .append(": ")
                            .append(error.path("reason").asText()));
            return text.toString();
        }
        return body.isMissingNode() ? "HTTP " + status : body.toString();
    }
}
