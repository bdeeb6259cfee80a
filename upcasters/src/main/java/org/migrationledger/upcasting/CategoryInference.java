package org.migrationledger.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * The category a revision-1 {@code MigrationProposed} is read with, decided from what the stored proposal itself
 * says, in this order:
 *
 * <ol>
 *   <li>the category of its stored analysis, when it has one (what the ledger would have recorded);
 *   <li>{@code contract} when it names an expand counterpart or is marked breaking;
 *   <li>from the keywords of its up script (comments ignored): dropping or renaming objects, changing a column's
 *       type or making it {@code NOT NULL} is {@code contract}; moving data ({@code UPDATE}, {@code DELETE},
 *       {@code INSERT}, {@code COPY}) is {@code migrate}; anything else is {@code expand};
 *   <li>{@code expand} when there is neither analysis nor script.
 * </ol>
 */
final class CategoryInference {

    static final String EXPAND = "expand";
    static final String MIGRATE = "migrate";
    static final String CONTRACT = "contract";

    private static final String ANALYSIS = "analysis";
    private static final String CATEGORY = "category";
    private static final String EXPAND_MIGRATION_ID = "expandMigrationId";
    private static final String BREAKING = "breaking";
    private static final String SCRIPT = "script";

    private static final Pattern COMMENTS = Pattern.compile("--[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern CONTRACTING = Pattern.compile(
            "\\b(drop\\s+(table|column|type|schema|view)|rename\\b|(set\\s+data|alter\\s+column\\s+\\S+)\\s+type\\b"
                    + "|set\\s+not\\s+null)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MOVING_DATA =
            Pattern.compile("\\b(update|delete\\s+from|insert\\s+into|copy)\\b", Pattern.CASE_INSENSITIVE);

    private CategoryInference() {}

    static String of(JsonNode proposal) {
        JsonNode analysisCategory = proposal.path(ANALYSIS).path(CATEGORY);
        if (analysisCategory.isTextual()) {
            return analysisCategory.asText();
        }
        if (proposal.path(EXPAND_MIGRATION_ID).isTextual()
                || proposal.path(BREAKING).asBoolean(false)) {
            return CONTRACT;
        }
        JsonNode script = proposal.path(SCRIPT);
        return script.isTextual() ? fromScript(script.asText()) : EXPAND;
    }

    static String fromScript(String script) {
        String code = COMMENTS.matcher(script).replaceAll(" ");
        if (CONTRACTING.matcher(code).find()) {
            return CONTRACT;
        }
        return MOVING_DATA.matcher(code).find() ? MIGRATE : EXPAND;
    }
}
