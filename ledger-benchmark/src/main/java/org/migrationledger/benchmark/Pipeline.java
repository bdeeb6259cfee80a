package org.migrationledger.benchmark;

import java.util.List;
import java.util.Map;

/**
 * What the deploy pipelines of the benchmark send: registrations, proposals with one approval, applies (optionally
 * with an {@code Idempotency-Key}), releases and gate questions. Migration {@code n} of any database adds column
 * {@code c<n>}: an expand change the analysis passes, so every fact is recorded without policy violations.
 */
final class Pipeline {

    static final List<String> ENVIRONMENTS = List.of("local", "dev", "ci", "qa", "staging", "production");

    private final LedgerHttp http;
    private final Principals tokens;

    Pipeline(LedgerHttp http, Principals tokens) {
        this.http = http;
        this.tokens = tokens;
    }

    LedgerHttp http() {
        return http;
    }

    static String migrationId(int n) {
        return "%05d_add_column_c%d".formatted(n, n);
    }

    static String script(int n) {
        return "alter table orders add column c%d integer;".formatted(n);
    }

    static String checksum(int n) {
        return Principals.sha256(script(n));
    }

    void register(String database) {
        http.put("/api/v1/databases/" + database, tokens.admin(), Map.of("environments", ENVIRONMENTS))
                .requireOk("register " + database);
    }

    /** Proposes migration {@code n} and approves it, as a merge request and its reviewer do. */
    void proposeAndApprove(String database, int n) {
        Map<String, Object> proposal = Map.of(
                "migrationId", migrationId(n),
                "version", "1.%d.0".formatted(n),
                "description", "adds column c" + n,
                "script", script(n),
                "downScript", "alter table orders drop column c%d;".formatted(n),
                "risk", Map.of("impact", "LOW", "rollbackPlan", "run the down script"));
        String migrations = "/api/v1/databases/" + database + "/migrations";
        http.post(migrations, tokens.proposer(), proposal).requireOk("propose " + migrationId(n));
        http.post(migrations + "/" + migrationId(n) + "/approvals", tokens.approver(), Map.of())
                .requireOk("approve " + migrationId(n));
    }

    LedgerHttp.Answer apply(String database, String environment, int n, boolean idempotent) {
        String path = environmentPath(database, environment) + "/applies";
        Map<String, Object> body = Map.of(
                "migrationId",
                migrationId(n),
                "checksum",
                checksum(n),
                "outcome",
                "SUCCEEDED",
                "durationMs",
                40 + n % 900,
                "tool",
                "flyway",
                "runUrl",
                "https://ci.example.org/%s/pipelines/%d".formatted(database, n));
        return idempotent
                ? http.postIdempotent(path, tokens.pipeline(), body)
                : http.post(path, tokens.pipeline(), body);
    }

    void release(String database, String environment, int n) {
        Map<String, Object> body = Map.of("release", "app-1.%d.0".formatted(n), "schemaVersion", "1.%d.0".formatted(n));
        http.post(environmentPath(database, environment) + "/releases", tokens.pipeline(), body)
                .requireOk("release " + n);
    }

    LedgerHttp.Answer gate(String database, String environment, int n) {
        return http.post(
                environmentPath(database, environment) + "/gate",
                tokens.pipeline(),
                Map.of("migrationId", migrationId(n), "checksum", checksum(n)));
    }

    /** The whole life of migration {@code n}: proposed, approved, applied along the path, released to production. */
    void deliver(String database, int n) {
        proposeAndApprove(database, n);
        for (String environment : ENVIRONMENTS) {
            apply(database, environment, n, false).requireOk("apply " + migrationId(n) + " to " + environment);
        }
        release(database, ENVIRONMENTS.get(ENVIRONMENTS.size() - 1), n);
    }

    private static String environmentPath(String database, String environment) {
        return "/api/v1/databases/" + database + "/environments/" + environment;
    }
}
