package org.migrationledger.projection.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaVersionTest {

    @Test
    void ordersSemverNumericallyPerPart() {
        List<String> versions = new ArrayList<>(List.of("1.10.0", "1.2.0", "2.0.0", "1.2.10", "1.2.9", "0.9.1"));

        versions.sort(SchemaVersion.ORDER);

        assertThat(versions).containsExactly("0.9.1", "1.2.0", "1.2.9", "1.2.10", "1.10.0", "2.0.0");
    }

    @Test
    void ignoresPreReleaseAndBuildSuffixesAndPutsNonSemverLast() {
        assertThat(SchemaVersion.compare("1.2.0-rc.1", "1.2.0")).isZero();
        assertThat(SchemaVersion.compare("banana", "9.9.9")).isPositive();
        assertThat(SchemaVersion.compare("1.0", "1.0.0")).isPositive();
    }
}
