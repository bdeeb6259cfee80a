package org.migrationledger.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvironmentNamesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            ignoreLeadingAndTrailingWhitespace = false,
            value = {
                "production|production",
                "Production |production",
                "PROD|production",
                " prd|production",
                "live|production",
                "stage|staging",
                "Staging|staging",
                "STG|staging",
                "ci|ci",
                "Local|local",
                "localhost|local",
                "Pre Prod|pre-prod",
                "qa_2|qa_2"
            })
    void normalisesFreeTextToPromotionPathNames(String freeText, String name) {
        assertThat(EnvironmentNames.normalise(freeText)).isEqualTo(name);
    }

    @Test
    void keepsAMissingEnvironmentMissing() {
        assertThat(EnvironmentNames.normalise(null)).isNull();
    }
}
