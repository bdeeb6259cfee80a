package org.migrationledger.upcasting;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How the prototype's free-text environment names map onto promotion-path names: trimmed, lower-case, inner
 * whitespace as {@code -}, and the aliases people typed for the default path's environments. Anything else is kept as
 * normalised; a name outside the path then shows up as a policy finding instead of being guessed away.
 */
final class EnvironmentNames {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private static final Map<String, String> ALIASES = Map.of(
            "prod", "production",
            "prd", "production",
            "live", "production",
            "stage", "staging",
            "stg", "staging",
            "localhost", "local");

    private EnvironmentNames() {}

    /** The promotion-path name for a free-text environment; null stays null. */
    static String normalise(String freeText) {
        if (freeText == null) {
            return null;
        }
        String name =
                WHITESPACE.matcher(freeText.strip().toLowerCase(Locale.ROOT)).replaceAll("-");
        return ALIASES.getOrDefault(name, name);
    }
}
