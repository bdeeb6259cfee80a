package org.migrationledger.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.migrationledger.analysis.Analysis;
import org.migrationledger.analysis.Finding;
import org.migrationledger.analysis.MigrationAnalyzer;
import org.migrationledger.analysis.rules.Rule;
import org.migrationledger.analysis.rules.Rules;

/**
 * The evolution policy's tables of breaking and non-breaking changes say what the ledger's analysis says: each example
 * is analysed and must be breaking (or not) as its table claims, with a rule the row names; and every rule of the
 * analysis is named in the policy, so a new rule cannot go undocumented.
 */
class PolicyRulesTest {

    private static final Path POLICY = Path.of("..", "docs", "policy", "SCHEMA-EVOLUTION-POLICY.md");
    private static final Pattern ROW = Pattern.compile("^\\| [^|]+ \\| `([^`]+)` \\| (.+) \\|$", Pattern.MULTILINE);
    private static final Pattern RULE_ID = Pattern.compile("`([a-z]+(?:-[a-z]+)+)`");
    private static final Pattern CLAIM = Pattern.compile(
            "^ *-- ledger analysis: (breaking|non-breaking)(?:, (expand|migrate|contract))?(?:; (.+))?$",
            Pattern.MULTILINE);
    private static final List<Path> WALKTHROUGHS = List.of(
            POLICY.resolveSibling("ENUM-MODIFICATION-RUNBOOK.md"), POLICY.resolveSibling("SCHEMA-CHANGE-SCENARIOS.md"));

    private final MigrationAnalyzer analyzer = new MigrationAnalyzer();

    @Test
    void theBreakingExamplesAreBreakingForTheRulesTheyName() throws IOException {
        List<String> wrong = judge(section("**Breaking**", "**Non-breaking**"), true);
        assertThat(wrong).isEmpty();
    }

    @Test
    void theNonBreakingExamplesAreNotBreaking() throws IOException {
        List<String> wrong = judge(section("**Non-breaking**", "The analysis also infers"), false);
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyRuleOfTheAnalysisIsInThePolicy() throws IOException {
        String policy = Files.readString(POLICY);
        Set<String> undocumented = Rules.all().stream()
                .map(Rule::id)
                .filter(id -> !policy.contains("`" + id + "`"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(undocumented).as("analysis rules %s does not name", POLICY).isEmpty();
    }

    /** A block's {@code -- ledger analysis:} line is what the ledger answers when the block is proposed. */
    @Test
    void theAnalysisTheWalkthroughsQuoteIsTheLedgersOwn() throws IOException {
        List<String> wrong = new ArrayList<>();
        int claims = 0;
        for (Path document : WALKTHROUGHS) {
            for (SqlExamples.Block block : SqlExamples.of(document).blocks()) {
                Matcher claim = CLAIM.matcher(block.sql());
                if (!claim.find()) {
                    continue;
                }
                claims++;
                Analysis analysis = analyzer.analyze(block.sql(), null);
                String actual = (analysis.breaking() ? "breaking" : "non-breaking") + ", "
                        + analysis.category().name().toLowerCase(java.util.Locale.ROOT) + "; "
                        + analysis.findings().stream()
                                .map(Finding::rule)
                                .distinct()
                                .toList();
                boolean breaking = claim.group(1).equals("breaking");
                boolean category = claim.group(2) == null
                        || claim.group(2).equalsIgnoreCase(analysis.category().name());
                List<String> rules = claim.group(3) == null
                        ? List.of()
                        : List.of(claim.group(3).split(", *"));
                Set<String> found =
                        analysis.findings().stream().map(Finding::rule).collect(Collectors.toSet());
                if (analysis.breaking() != breaking || !category || !found.containsAll(rules)) {
                    wrong.add(document.getFileName() + ", block at line " + block.line() + " claims '"
                            + claim.group().trim() + "', the analysis says: " + actual);
                }
            }
        }
        assertThat(claims).as("analysis claims in the walkthroughs").isGreaterThan(10);
        assertThat(wrong).isEmpty();
    }

    private List<String> judge(String table, boolean breaking) {
        List<String> wrong = new ArrayList<>();
        Matcher row = ROW.matcher(table);
        int examples = 0;
        while (row.find()) {
            examples++;
            String example = row.group(1);
            Analysis analysis = analyzer.analyze(example, null);
            Set<String> found = analysis.findings().stream().map(Finding::rule).collect(Collectors.toSet());
            if (analysis.breaking() != breaking) {
                wrong.add(example + " is " + (analysis.breaking() ? "breaking" : "not breaking") + ": " + found);
            }
            List<String> named = ruleIds(row.group(2));
            if (!row.group(2).startsWith("none") && named.stream().noneMatch(found::contains)) {
                wrong.add(example + " should raise one of " + named + " but raised " + found);
            }
        }
        assertThat(examples).as("examples in the table").isGreaterThan(5);
        return wrong;
    }

    private static List<String> ruleIds(String cell) {
        List<String> ids = new ArrayList<>();
        Matcher id = RULE_ID.matcher(cell);
        while (id.find()) {
            ids.add(id.group(1));
        }
        return ids;
    }

    private static String section(String from, String to) throws IOException {
        String policy = Files.readString(POLICY);
        int start = policy.indexOf(from);
        int end = policy.indexOf(to, start);
        assertThat(start).as(from).isNotNegative();
        assertThat(end).as(to).isPositive();
        return policy.substring(start, end);
    }
}
