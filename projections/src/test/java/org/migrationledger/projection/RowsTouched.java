package org.migrationledger.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a statement reads, counted from PostgreSQL's own plan (EXPLAIN ANALYZE): the rows every scan of a table returned
 * or read and dropped, over all its loops. A read that stays a page touches about a page, whatever the history; timing it would
 * tell less and vary more.
 *
 * <p>PostgreSQL before 16 rounds a scan's rows per loop, so a lookup repeated per row that finds a row every other
 * time counts as none or one each time: {@code sequentiallyScanned} tells a plan that reads a whole table apart.
 *
 * @param sequentiallyScanned the tables the plan reads whole
 * @param plan the plan, to show when an assertion fails
 */
public record RowsTouched(long rows, Set<String> sequentiallyScanned, String plan) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The statement to run for {@link #of}: {@code sql} explained with its actual rows. */
    public static String explain(String sql) {
        return "explain (analyze, format json) " + sql;
    }

    /** Runs an explained statement (see {@link #explain}) with its parameters bound. */
    public static RowsTouched of(JdbcClient.StatementSpec explained) {
        String plan = explained.query(String.class).single();
        try {
            JsonNode root = JSON.readTree(plan).get(0).get("Plan");
            Set<String> sequential = new TreeSet<>();
            sequentiallyScanned(root, sequential);
            return new RowsTouched(touched(root), sequential, plan);
        } catch (IOException e) {
            throw new IllegalStateException(plan, e);
        }
    }

    private static void sequentiallyScanned(JsonNode node, Set<String> tables) {
        if (node.get("Node Type").asText().equals("Seq Scan")) {
            tables.add(node.get("Relation Name").asText());
        }
        node.path("Plans").forEach(child -> sequentiallyScanned(child, tables));
    }

    private static long touched(JsonNode node) {
        long rows = 0;
        // Scans of a table or its index; a scan of a subquery's or CTE's output reads rows counted below it already.
        if (node.has("Relation Name")) {
            long perLoop = node.path("Actual Rows").asLong()
                    + node.path("Rows Removed by Filter").asLong()
                    + node.path("Rows Removed by Index Recheck").asLong();
            rows += perLoop * node.path("Actual Loops").asLong(1);
        }
        for (JsonNode child : node.path("Plans")) {
            rows += touched(child);
        }
        return rows;
    }
}
