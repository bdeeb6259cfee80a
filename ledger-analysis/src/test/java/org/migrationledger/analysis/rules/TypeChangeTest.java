package org.migrationledger.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.migrationledger.analysis.rules.TypeChange.Verdict;

class TypeChangeTest {

    /** One line per pair; TypeChangeAgainstPostgresIT proves each expected verdict on a real PostgreSQL. */
    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvFileSource(resources = "/type-changes/postgresql-pairs.csv", delimiter = '|')
    void judgesEachPairAsPostgresqlDoes(String from, String to, Verdict expected) {
        assertThat(TypeChange.classify(from, to)).isEqualTo(expected);
    }

    @Test
    void timestampToTimestamptzIsARewriteBecauseOnlyAUtcSessionSkipsIt() {
        assertThat(TypeChange.classify("timestamp", "timestamptz")).isEqualTo(Verdict.REWRITE);
        assertThat(TypeChange.classify("timestamptz", "timestamp")).isEqualTo(Verdict.REWRITE);
    }

    @Test
    void anUnknownSourceTypeIsSaidSo() {
        assertThat(TypeChange.classify(null, "text")).isEqualTo(Verdict.UNKNOWN_SOURCE);
    }
}
