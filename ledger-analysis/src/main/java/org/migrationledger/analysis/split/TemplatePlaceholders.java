package org.migrationledger.analysis.split;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go-template placeholders ({@code {{ index .Options "Namespace" }}}) stand for a name the runner fills in. Parsers
 * reject them, so each distinct placeholder is swapped for a plain identifier before parsing and swapped back in
 * whatever is reported. An identifier works bare, inside quotes and inside string literals alike.
 */
public final class TemplatePlaceholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}", Pattern.DOTALL);
    private static final String PREFIX = "template_placeholder_";

    private final Map<String, String> byPlaceholder = new LinkedHashMap<>();

    public String substitute(String sql) {
        Matcher matcher = PLACEHOLDER.matcher(sql);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String identifier =
                    byPlaceholder.computeIfAbsent(matcher.group(), p -> PREFIX + (byPlaceholder.size() + 1));
            matcher.appendReplacement(result, identifier);
        }
        matcher.appendTail(result);
        return result.toString();
    }

    public String restore(String text) {
        String restored = text;
        // Longest identifiers first, so template_placeholder_1 never eats the front of template_placeholder_10.
        for (int n = byPlaceholder.size(); n >= 1; n--) {
            String identifier = PREFIX + n;
            String placeholder = byPlaceholder.entrySet().stream()
                    .filter(e -> e.getValue().equals(identifier))
                    .findFirst()
                    .orElseThrow()
                    .getKey();
            restored = restored.replace(identifier, placeholder);
        }
        return restored;
    }
}
