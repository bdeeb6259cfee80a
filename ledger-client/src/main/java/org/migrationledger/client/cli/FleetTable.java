package org.migrationledger.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The fleet as a plain-text table: one line per database and environment, columns padded to their widest cell. */
final class FleetTable {

    private static final List<String> HEADER =
            List.of("DATABASE", "ENVIRONMENT", "CURRENT", "PROMOTION", "FAILED", "DRIFT H/M/L", "AWAITING APPROVAL");

    private FleetTable() {}

    static String of(List<JsonNode> databases) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (JsonNode database : databases) {
            JsonNode drift = database.path("openDrift");
            String driftCell = drift.path("HIGH").asLong() + "/"
                    + drift.path("MEDIUM").asLong() + "/" + drift.path("LOW").asLong();
            String awaiting = String.valueOf(database.path("awaitingApproval").size());
            boolean first = true;
            for (JsonNode env : database.path("environments")) {
                rows.add(List.of(
                        first ? database.path("database").asText() : "",
                        env.path("environment").asText(),
                        env.path("currentVersion").isTextual()
                                ? env.path("currentVersion").asText()
                                : "-",
                        env.path("promotion").asText(),
                        String.valueOf(env.path("failed").asInt()),
                        first ? driftCell : "",
                        first ? awaiting : ""));
                first = false;
            }
        }
        return render(rows);
    }

    private static String render(List<List<String>> rows) {
        int[] widths = new int[HEADER.size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(String.format("%-" + widths[i] + "s", row.get(i))).append(i < row.size() - 1 ? "  " : "");
            }
            text.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return text.toString();
    }
}
