package org.migrationledger.analysis.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the output of {@code squawk --reporter json}. Squawk 2 writes an array of violations with {@code rule_name},
 * {@code level}, {@code message}, {@code help} and a 0-based {@code line}; squawk 1 wrote {@code messages} as
 * {@code [{"Note": ...}, {"Help": ...}]}. Unknown fields are ignored so newer squawk versions still read.
 */
public final class SquawkJsonReport {

    public static final String TOOL = "squawk";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SquawkJsonReport() {}

    /** @throws IllegalArgumentException when the text is not squawk's JSON output */
    public static LinterReport parse(String json) {
        JsonNode root = read(json);
        if (!root.isArray()) {
            throw new IllegalArgumentException(
                    "squawk's JSON reporter writes an array of violations, got " + root.getNodeType());
        }
        List<LinterFinding> findings = new ArrayList<>();
        root.forEach(violation -> findings.add(finding(violation)));
        return new LinterReport(TOOL, findings);
    }

    private static LinterFinding finding(JsonNode violation) {
        if (!violation.isObject()) {
            throw new IllegalArgumentException("a squawk violation is an object, got " + violation.getNodeType());
        }
        String rule = violation.path("rule_name").asText("unknown");
        String level = violation.path("level").asText("warning").toLowerCase(Locale.ROOT);
        JsonNode messages = violation.path("messages");
        if (messages.isArray()) {
            return new LinterFinding(rule, level, tagged(messages, "Note"), line(violation), tagged(messages, "Help"));
        }
        String help =
                violation.path("help").isTextual() ? violation.path("help").asText() : null;
        return new LinterFinding(rule, level, violation.path("message").asText(""), line(violation), help);
    }

    /** Squawk counts lines from 0. */
    private static int line(JsonNode violation) {
        JsonNode line = violation.path("line");
        return line.canConvertToInt() ? line.asInt() + 1 : 0;
    }

    private static String tagged(JsonNode messages, String tag) {
        List<String> texts = new ArrayList<>();
        messages.forEach(message -> {
            if (message.path(tag).isTextual()) {
                texts.add(message.path(tag).asText());
            }
        });
        return texts.isEmpty() ? null : String.join(" ", texts);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json == null ? "" : json.trim().isEmpty() ? "[]" : json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not squawk JSON output: " + e.getOriginalMessage(), e);
        }
    }
}
