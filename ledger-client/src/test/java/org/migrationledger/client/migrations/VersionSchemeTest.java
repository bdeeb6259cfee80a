package org.migrationledger.client.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionSchemeTest {

    @Test
    void flywayVersionsBecomeSemanticVersions() {
        assertThat(VersionScheme.fromFlyway("1")).contains("1.0.0");
        assertThat(VersionScheme.fromFlyway("2_1")).contains("2.1.0");
        assertThat(VersionScheme.fromFlyway("001.02.3")).contains("1.2.3");
        assertThat(VersionScheme.fromFlyway("1.2.3.4")).isEmpty();
        assertThat(VersionScheme.fromFlyway("20150100000001000000")).isEmpty();
    }

    @Test
    void autoFallsBackToASequenceForTimestampVersions() {
        List<Migration> assigned = VersionScheme.AUTO.assign(
                List.of(migration("20150100000001000000"), migration("20191100000001000000")), "1.0.0");

        assertThat(assigned).extracting(Migration::version).containsExactly("1.0.0", "1.1.0");
    }

    @Test
    void autoKeepsShortFlywayVersions() {
        List<Migration> assigned = VersionScheme.AUTO.assign(List.of(migration("1"), migration("1_1")), "5.0.0");

        assertThat(assigned).extracting(Migration::version).containsExactly("1.0.0", "1.1.0");
    }

    @Test
    void flywaySchemeRefusesVersionsWithoutASemanticReading() {
        assertThatThrownBy(() -> VersionScheme.FLYWAY.assign(List.of(migration("20150100000001000000")), "1.0.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SEQUENCE");
    }

    private static Migration migration(String fileVersion) {
        return new Migration(
                "x_" + fileVersion, fileVersion, null, "x", Path.of("x.sql"), "select 1;", null, null, "c");
    }
}
