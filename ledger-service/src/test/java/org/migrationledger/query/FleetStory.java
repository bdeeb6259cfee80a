package org.migrationledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.migrationledger.LedgerServiceIT;

/**
 * A small fleet written through the HTTP API, for the fleet endpoints and the dashboard: {@code shop} (dev, uat, prod)
 * where prod ran 1.1.0 before uat (ahead of the promotion order, so drift is open), uat failed it and 1.2.0 waits for
 * approval; and {@code billing} (ci, production) with 1.0.0 in ci only.
 */
public abstract class FleetStory extends LedgerServiceIT {

    public static final String CREATE = "create table items (id bigint primary key, note text); -- first";
    public static final String DOWN = "drop table items;";
    public static final String BACKFILL = "update items set note = 'n/a' where note is null;";
    public static final String INDEX = "create index concurrently items_note_ix on items (note);";

    /** The position of the last write; reads pass it as {@code minPosition}. */
    protected long position;

    protected void writeFleet() {
        register("shop", "dev", "uat", "prod");
        propose("shop", "0001_create_items", "1.0.0", CREATE, DOWN);
        approve("shop", "0001_create_items");
        propose("shop", "0002_backfill_notes", "1.1.0", BACKFILL, null);
        approve("shop", "0002_backfill_notes");
        propose("shop", "0003_index_notes", "1.2.0", INDEX, "drop index items_note_ix;");
        for (String env : List.of("dev", "uat", "prod")) {
            apply("shop", env, "0001_create_items", CREATE, "SUCCEEDED");
        }
        apply("shop", "dev", "0002_backfill_notes", BACKFILL, "SUCCEEDED");
        apply("shop", "prod", "0002_backfill_notes", BACKFILL, "SUCCEEDED");
        apply("shop", "uat", "0002_backfill_notes", BACKFILL, "FAILED");
        register("billing", "ci", "production");
        propose("billing", "0001_create_items", "1.0.0", CREATE, DOWN);
        approve("billing", "0001_create_items");
        apply("billing", "ci", "0001_create_items", CREATE, "SUCCEEDED");
    }

    protected void register(String db, String... environments) {
        write(put("/api/v1/databases/" + db, "admin", json("environments", List.of(environments))));
    }

    protected void propose(String db, String id, String version, String script, String downScript) {
        Map<String, Object> risk = Map.of("impact", "low", "rollbackPlan", "run the down script");
        String body = downScript == null
                ? json("migrationId", id, "version", version, "description", id, "script", script, "risk", risk)
                : json(
                        "migrationId",
                        id,
                        "version",
                        version,
                        "description",
                        id,
                        "script",
                        script,
                        "downScript",
                        downScript,
                        "risk",
                        risk);
        write(post("/api/v1/databases/" + db + "/migrations", "alice", body));
    }

    protected void approve(String db, String id) {
        write(post(
                "/api/v1/databases/" + db + "/migrations/" + id + "/approvals", "bob", json("comment", "looks fine")));
    }

    protected void apply(String db, String env, String id, String script, String outcome) {
        write(post(
                "/api/v1/databases/" + db + "/environments/" + env + "/applies",
                "ci",
                json("migrationId", id, "checksum", sha256(script), "outcome", outcome, "tool", "flyway")));
    }

    protected synchronized void write(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isIn(200, 201);
        position = Math.max(position, reply.position());
    }

    protected static String sha256(String script) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
