package org.migrationledger.analysis.empirical;

import java.util.List;
import java.util.regex.Pattern;
import org.migrationledger.analysis.checksum.SqlNormalizer;

/** Statements PostgreSQL refuses inside a transaction block: running them would abort the whole analysis. */
final class TransactionBlockRefusals {

    private record Refusal(Pattern pattern, String reason, int fixedInMajorVersion) {}

    private static final List<Refusal> REFUSALS = List.of(
            refusal("^create (unique )?index concurrently\\b", "CREATE INDEX CONCURRENTLY"),
            refusal("^drop index concurrently\\b", "DROP INDEX CONCURRENTLY"),
            refusal("^reindex\\b.*\\bconcurrently\\b", "REINDEX CONCURRENTLY"),
            refusal("^(vacuum|cluster)\\b", "VACUUM and database-wide CLUSTER"),
            refusal("^(create|drop) (database|tablespace)\\b", "CREATE/DROP DATABASE or TABLESPACE"),
            refusal("^alter system\\b", "ALTER SYSTEM"),
            refusal("^(create|alter|drop) subscription\\b", "subscription commands"),
            new Refusal(
                    Pattern.compile("^alter type .* add value\\b"),
                    "ALTER TYPE ... ADD VALUE before PostgreSQL 12",
                    12));

    private TransactionBlockRefusals() {}

    /** Why the statement cannot run inside a transaction block on this server, or null when it can. */
    static String reason(String statement, int serverMajorVersion) {
        String normalized = SqlNormalizer.normalize(statement);
        return REFUSALS.stream()
                .filter(r -> serverMajorVersion < r.fixedInMajorVersion())
                .filter(r -> r.pattern().matcher(normalized).find())
                .map(r -> r.reason() + " cannot run inside a transaction block, so it was not run; its effect is"
                        + " missing from the catalog diff and the locks")
                .findFirst()
                .orElse(null);
    }

    private static Refusal refusal(String regex, String reason) {
        return new Refusal(Pattern.compile(regex), reason, Integer.MAX_VALUE);
    }
}
