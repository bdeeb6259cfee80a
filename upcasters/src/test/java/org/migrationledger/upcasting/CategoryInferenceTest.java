package org.migrationledger.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CategoryInferenceTest {

    @Test
    void takesTheStoredAnalysisFirst() {
        assertThat(CategoryInference.of(StoredEvents.tree("""
                        {"analysis":{"category":"migrate"},"expandMigrationId":"0001_a","breaking":true,
                         "script":"DROP TABLE wish;"}
                        """))).isEqualTo("migrate");
    }

    @Test
    void readsAProposalNamingAnExpandCounterpartAsContract() {
        assertThat(CategoryInference.of(StoredEvents.tree("""
                        {"analysis":null,"expandMigrationId":"0001_a","breaking":false,"script":"SELECT 1;"}
                        """))).isEqualTo("contract");
    }

    @Test
    void readsABreakingProposalAsContract() {
        assertThat(CategoryInference.of(StoredEvents.tree("""
                        {"analysis":null,"expandMigrationId":null,"breaking":true,"script":null}
                        """))).isEqualTo("contract");
    }

    @Test
    void readsAProposalWithoutScriptOrAnalysisAsExpand() {
        assertThat(CategoryInference.of(StoredEvents.tree("""
                        {"analysis":null,"expandMigrationId":null,"breaking":false,"script":null}
                        """))).isEqualTo("expand");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ALTER TABLE wish DROP COLUMN legacy_note;                     | contract
            drop table wish_archive;                                      | contract
            ALTER TABLE wish RENAME COLUMN note TO remark;                 | contract
            ALTER TABLE wish ALTER COLUMN priority TYPE bigint;           | contract
            ALTER TABLE wish ALTER COLUMN priority SET DATA TYPE bigint;  | contract
            ALTER TABLE wish ALTER COLUMN note SET NOT NULL;              | contract
            UPDATE wish SET priority = 0 WHERE priority IS NULL;          | migrate
            INSERT INTO wish_kind (name) VALUES ('gift');                 | migrate
            DELETE FROM wish WHERE archived;                              | migrate
            ALTER TABLE wish ADD COLUMN note text;                        | expand
            CREATE INDEX CONCURRENTLY wish_note_ix ON wish (note);        | expand
            -- DROP TABLE wish would be wrong here\\nCREATE TABLE wish_tag (id int); | expand
            /* UPDATE later */ CREATE TABLE wish_tag (id int);            | expand
            """)
    void infersTheCategoryFromTheScriptKeywords(String script, String category) {
        assertThat(CategoryInference.fromScript(script.replace("\\n", "\n"))).isEqualTo(category);
    }
}
