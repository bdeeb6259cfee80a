package org.migrationledger.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.migrationledger.analysis.rules.TypeChange.Verdict;

class TypeChangeTest {

    @Test
    void wideningStringAndNumericLimitsNeedsNoRewrite() {
        assertThat(TypeChange.classify("varchar(32)", "varchar(64)")).isEqualTo(Verdict.WIDENING_WITHOUT_REWRITE);
        assertThat(TypeChange.classify("character varying(32)", "text")).isEqualTo(Verdict.WIDENING_WITHOUT_REWRITE);
        assertThat(TypeChange.classify("varchar(32)", "varchar")).isEqualTo(Verdict.WIDENING_WITHOUT_REWRITE);
        assertThat(TypeChange.classify("numeric(10,2)", "numeric(12,2)")).isEqualTo(Verdict.WIDENING_WITHOUT_REWRITE);
        assertThat(TypeChange.classify("numeric(10,2)", "numeric")).isEqualTo(Verdict.WIDENING_WITHOUT_REWRITE);
        assertThat(TypeChange.classify("cidr", "inet")).isEqualTo(Verdict.WIDENING_WITHOUT_REWRITE);
    }

    @Test
    void everythingElseRewrites() {
        assertThat(TypeChange.classify("int", "bigint")).isEqualTo(Verdict.REWRITE);
        assertThat(TypeChange.classify("varchar(64)", "varchar(32)")).isEqualTo(Verdict.REWRITE);
        assertThat(TypeChange.classify("numeric(10,2)", "numeric(12,4)")).isEqualTo(Verdict.REWRITE);
        assertThat(TypeChange.classify("text", "jsonb")).isEqualTo(Verdict.REWRITE);
        assertThat(TypeChange.classify("timestamp", "timestamptz")).isEqualTo(Verdict.REWRITE);
    }

    @Test
    void aliasesAreTheSameType() {
        assertThat(TypeChange.classify("int4", "integer")).isEqualTo(Verdict.SAME_TYPE);
        assertThat(TypeChange.classify("character varying(5)", "varchar(5)")).isEqualTo(Verdict.SAME_TYPE);
    }

    @Test
    void anUnknownSourceTypeIsSaidSo() {
        assertThat(TypeChange.classify(null, "text")).isEqualTo(Verdict.UNKNOWN_SOURCE);
    }
}
