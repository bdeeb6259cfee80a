package org.migrationledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.migrationledger.client.migrations.ScriptChecksum;

/**
 * The body of {@code POST …/migrations} as the integration tests send it: the fields every proposal needs, each test
 * adding or replacing what its story is about.
 */
public final class ProposalBody {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private ProposalBody() {}

    /** A low-risk proposal of the script (null: only a checksum), with a one-line description and a rollback plan. */
    public static ProposalBody of(String migrationId, String version, String script) {
        ProposalBody body = new ProposalBody();
        body.fields.put("migrationId", migrationId);
        body.fields.put("version", version);
        body.fields.put("description", "adds a column");
        body.fields.put("risk", Map.of("impact", "low", "rollbackPlan", "run the down script"));
        return body.with("script", script);
    }

    /** An expand migration with a down script: the proposal most stories start from. */
    public static ProposalBody expand(String migrationId, String version, String script) {
        return of(migrationId, version, script)
                .with("downScript", "alter table wishlist_items drop column priority;")
                .with("category", "expand");
    }

    /** Sets a field; a null value leaves it out, as a client that does not send it. */
    public ProposalBody with(String field, Object value) {
        if (value == null) {
            fields.remove(field);
        } else {
            fields.put(field, value);
        }
        return this;
    }

    public String json() {
        try {
            return LedgerServiceIT.JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SHA-256 the ledger computes for a script, as a pipeline reports it. */
    public static String checksum(String script) {
        return ScriptChecksum.of(script);
    }
}
