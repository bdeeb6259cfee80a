package org.migrationledger.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * One write to the ledger, complete enough to be sent again later: a retry or a flush from the spool sends the same
 * body with the same {@code Idempotency-Key}, so the ledger records it at most once.
 *
 * @param method {@code POST} or {@code PUT}
 * @param path the path under the ledger's base URL, e.g. {@code /api/v1/databases/kratos/environments/ci/applies}
 * @param body the JSON body
 * @param idempotencyKey the key the ledger deduplicates retries by
 * @param summary a line a person reads in logs and progress output
 */
public record LedgerWrite(String method, String path, JsonNode body, String idempotencyKey, String summary) {

    public static LedgerWrite post(String path, JsonNode body, String summary) {
        return new LedgerWrite("POST", path, body, UUID.randomUUID().toString(), summary);
    }

    /** A report about one environment of a database, e.g. to {@code applies}; the body is written as JSON. */
    public static LedgerWrite toEnvironment(
            String database, String environment, String resource, Object body, String summary) {
        return post(
                LedgerClient.databasePath(database, "environments", environment, resource),
                LedgerClient.JSON.valueToTree(body),
                summary);
    }

    public LedgerWrite withIdempotencyKey(String key) {
        return new LedgerWrite(method, path, body, key, summary);
    }
}
