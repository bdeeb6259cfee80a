package org.migrationledger.analysis.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.migrationledger.analysis.Analysis;
import org.migrationledger.analysis.Finding;
import org.migrationledger.analysis.MigrationAnalyzer;
import org.migrationledger.analysis.change.Unrecognised;
import org.migrationledger.analysis.classify.StatementReader;
import org.migrationledger.analysis.classify.StatementReading;
import org.migrationledger.analysis.split.SqlStatement;
import org.migrationledger.analysis.split.StatementSplitter;
import org.migrationledger.analysis.split.TemplatePlaceholders;
import org.migrationledger.testsupport.MigrationCorpus;

/**
 * Every up-migration of the real corpus (kratos, supabase-auth) through the analyzer: no crash, every statement
 * classified or reported as unparsed, and the parsed/unparsed counts printed. Expected counts come from
 * {@code shared/corpus/README.md}.
 */
class CorpusSweepTest {

    private static final String PLACEHOLDER = "\\{\\{ ?index \\.Options \"Namespace\" ?}}";
    private static final double MAX_UNPARSED_SHARE = 0.08;

    private static MigrationCorpus corpus;
    private final MigrationAnalyzer analyzer = new MigrationAnalyzer();

    @BeforeAll
    static void locateCorpus() {
        corpus = MigrationCorpus.locate();
    }

    @Test
    void splitterCountsTheStatementsTheReadmeLists() {
        assertThat(statementCount("kratos", false)).isEqualTo(534);
        assertThat(statementCount("supabase-auth", true)).isEqualTo(205);
        assertThat(statementCount("supabase-auth", false))
                .as("placeholders kept as identifiers")
                .isEqualTo(205);
        long emptyKratos = corpus.upMigrations("kratos").stream()
                .filter(up -> StatementSplitter.split(MigrationCorpus.raw(up)).isEmpty())
                .count();
        assertThat(emptyKratos).as("19 empty + 2 comment-only up files").isEqualTo(21);
        assertThat(corpus.upMigrations("kratos")).hasSize(346);
        assertThat(corpus.upMigrations("supabase-auth")).hasSize(70);
    }

    @Test
    void everyUpMigrationIsAnalysedAndEveryStatementClassifiedOrReportedUnparsed() {
        Tally total = new Tally("corpus");
        for (String project : List.of("kratos", "supabase-auth")) {
            Tally tally = new Tally(project);
            for (Path up : corpus.upMigrations(project)) {
                Analysis analysis = analyzer.analyze(MigrationCorpus.raw(up), MigrationCorpus.downFor(up));
                assertThat(analysis.findingsOf("analysis-failed"))
                        .as(up.toString())
                        .isEmpty();
                assertThat(analysis.findingsOf("unparsed-statement"))
                        .as("every unparsed statement of %s is reported", up.getFileName())
                        .hasSize(analysis.unparsedStatementCount())
                        .allSatisfy(f -> assertThat(f.parsed()).isFalse());
                tally.add(analysis);
                total.add(analysis);
            }
            System.out.println(tally);
        }
        System.out.println(total);
        assertThat(total.statements).isEqualTo(534 + 205);
        assertThat(total.unparsedShare()).isLessThan(MAX_UNPARSED_SHARE);
    }

    @Test
    void noCorpusStatementIsLeftUnrecognised() {
        List<String> unrecognised = new ArrayList<>();
        for (String project : List.of("kratos", "supabase-auth")) {
            for (Path up : corpus.upMigrations(project)) {
                TemplatePlaceholders placeholders = new TemplatePlaceholders();
                for (SqlStatement statement : StatementSplitter.split(MigrationCorpus.raw(up))) {
                    StatementReading reading = StatementReader.read(placeholders.substitute(statement.text()));
                    boolean unknown = reading.parts().stream()
                            .flatMap(p -> p.changes().stream())
                            .anyMatch(Unrecognised.class::isInstance);
                    if (unknown || reading.parts().isEmpty()) {
                        unrecognised.add(up.getFileName() + "#" + statement.index());
                    }
                }
            }
        }
        assertThat(unrecognised).isEmpty();
    }

    @Test
    void breakingRenamesAndDropsMatchTheReadme() {
        Map<String, Integer> kratos = ruleCounts("kratos");
        assertThat(kratos).containsEntry("rename-table", 11);
        assertThat(kratos).containsEntry("rename-column", 7);
        assertThat(kratos).containsEntry("drop-table", 5);
        assertThat(kratos).containsEntry("drop-column", 12);
        assertThat(kratos).containsEntry("change-column-type", 42);
        Map<String, Integer> supabase = ruleCounts("supabase-auth");
        assertThat(supabase).as("3 guarded RENAME COLUMN inside DO blocks").containsEntry("rename-column", 3);
        assertThat(supabase).as("the ADD VALUE inside a DO block").containsEntry("enum-add-value", 1);
    }

    private Map<String, Integer> ruleCounts(String project) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Path up : corpus.upMigrations(project)) {
            for (Finding finding :
                    analyzer.analyze(MigrationCorpus.raw(up), null).findings()) {
                counts.merge(finding.rule(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private int statementCount(String project, boolean substitute) {
        return corpus.upMigrations(project).stream()
                .map(MigrationCorpus::raw)
                .map(sql -> substitute ? sql.replaceAll(PLACEHOLDER, "auth") : sql)
                .mapToInt(sql -> StatementSplitter.split(sql).size())
                .sum();
    }

    private static final class Tally {
        private final String name;
        private int files;
        private int statements;
        private int unparsed;

        Tally(String name) {
            this.name = name;
        }

        void add(Analysis analysis) {
            files++;
            statements += analysis.statementCount();
            unparsed += analysis.unparsedStatementCount();
        }

        double unparsedShare() {
            return statements == 0 ? 0 : (double) unparsed / statements;
        }

        @Override
        public String toString() {
            return String.format(
                    "corpus sweep %-14s files=%d statements=%d parsed=%d unparsed=%d unparsed-share=%.1f%%",
                    name, files, statements, statements - unparsed, unparsed, 100 * unparsedShare());
        }
    }
}
