package org.migrationledger.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SemanticVersionTest {

    @ParameterizedTest
    @ValueSource(strings = {"1.0.0", "0.1.10", "2.0.0-rc.1", "1.0.0+build.5", "1.0.0-x-y.7+b.3"})
    void acceptsSemanticVersions(String version) {
        assertThat(version).matches(SemanticVersion.PATTERN);
        assertThat(SemanticVersion.parse(version))
                .map(SemanticVersion::toString)
                .contains(version);
    }

    /** One grammar for every door: proposals, releases and imports refused the same versions. */
    @ParameterizedTest
    @ValueSource(strings = {"1.0", "01.0.0", "v1.0.0", "1.0.0.0", "", "1.0.0-01", "1.0.0-", "1.0.0+"})
    void refusesWhatIsNotSemver(String version) {
        assertThat(version).doesNotMatch(SemanticVersion.PATTERN);
        assertThat(SemanticVersion.parse(version)).isEmpty();
    }

    @Test
    void readsItsParts() {
        SemanticVersion version = SemanticVersion.parse("3.14.159-rc.1+linux").orElseThrow();

        assertThat(version).isEqualTo(new SemanticVersion(3, 14, 159, "rc.1", "linux"));
        assertThat(version.isRelease()).isFalse();
        assertThat(SemanticVersion.parse("3.14.159").orElseThrow().isRelease()).isTrue();
    }
}
