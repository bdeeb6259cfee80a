package org.migrationledger.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChecksumChangeTest {

    private static final String SCRIPT =
            "-- add the flag\nALTER TABLE accounts ADD COLUMN active boolean DEFAULT true;\n";

    @Test
    void sameBytesAreIdentical() {
        assertThat(ChecksumChange.classify(SCRIPT, SCRIPT)).isEqualTo(ChecksumChange.Kind.IDENTICAL);
    }

    @Test
    void commentWhitespaceAndKeywordCaseEditsAreCosmetic() {
        String edited = "/* reviewed */ alter table ACCOUNTS\n\tadd column active BOOLEAN default TRUE -- flag\n";

        assertThat(ChecksumChange.classify(SCRIPT, edited)).isEqualTo(ChecksumChange.Kind.COSMETIC);
    }

    @Test
    void aMissingFinalSemicolonIsCosmetic() {
        assertThat(ChecksumChange.classify("SELECT 1;", "SELECT 1")).isEqualTo(ChecksumChange.Kind.COSMETIC);
    }

    @Test
    void changedStringLiteralsAreSemanticEvenWhenOnlyTheirCaseDiffers() {
        String before = "UPDATE accounts SET plan = 'free' WHERE plan IS NULL;";
        String after = "UPDATE accounts SET plan = 'FREE' WHERE plan IS NULL;";

        assertThat(ChecksumChange.classify(before, after)).isEqualTo(ChecksumChange.Kind.SEMANTIC);
    }

    @Test
    void quotedIdentifiersKeepTheirCase() {
        assertThat(ChecksumChange.classify("DROP TABLE \"Users\";", "DROP TABLE \"users\";"))
                .isEqualTo(ChecksumChange.Kind.SEMANTIC);
        assertThat(ChecksumChange.classify("DROP TABLE Users;", "DROP TABLE users;"))
                .isEqualTo(ChecksumChange.Kind.COSMETIC);
    }

    @Test
    void commentsInsideFunctionBodiesAreSemanticBecauseTheBodyIsStored() {
        String before = "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;";
        String after = "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 -- one $$ LANGUAGE sql;";

        assertThat(ChecksumChange.classify(before, after)).isEqualTo(ChecksumChange.Kind.SEMANTIC);
    }

    @Test
    void anAddedStatementIsSemantic() {
        assertThat(ChecksumChange.classify(SCRIPT, SCRIPT + "DROP TABLE legacy;"))
                .isEqualTo(ChecksumChange.Kind.SEMANTIC);
    }
}
