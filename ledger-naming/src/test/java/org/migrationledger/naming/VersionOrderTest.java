package org.migrationledger.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionOrderTest {

    @Test
    void ordersSemverNumericallyPerPart() {
        List<String> versions = new ArrayList<>(List.of("1.10.0", "1.2.0", "2.0.0", "1.2.10", "1.2.9", "0.9.1"));

        versions.sort(VersionOrder.INSTANCE);

        assertThat(versions).containsExactly("0.9.1", "1.2.0", "1.2.9", "1.2.10", "1.10.0", "2.0.0");
    }

    @Test
    void ordersFlywayVersionsOfAnyLengthTheSameWay() {
        List<String> versions =
                new ArrayList<>(List.of("20150100000001000000", "1_10", "1.2", "2", "1.2.1", "20150100000000000000"));

        versions.sort(VersionOrder.INSTANCE);

        assertThat(versions)
                .containsExactly("1.2", "1.2.1", "1_10", "2", "20150100000000000000", "20150100000001000000");
        assertThat(VersionOrder.INSTANCE.compare("1.0", "1.0.0")).isZero();
    }

    /** The precedence example of SemVer 2.0.0 §11.4, in order. */
    @Test
    void putsPreReleasesBeforeTheirReleaseAsSemverSays() {
        List<String> expected = List.of(
                "1.0.0-alpha",
                "1.0.0-alpha.1",
                "1.0.0-alpha.beta",
                "1.0.0-beta",
                "1.0.0-beta.2",
                "1.0.0-beta.11",
                "1.0.0-rc.1",
                "1.0.0");
        List<String> versions = new ArrayList<>(expected);
        java.util.Collections.reverse(versions);

        versions.sort(VersionOrder.INSTANCE);

        assertThat(versions).isEqualTo(expected);
    }

    @Test
    void ignoresBuildMetadataAndPutsWhatIsNotAVersionLast() {
        assertThat(VersionOrder.INSTANCE.compare("1.2.0+build.7", "1.2.0")).isZero();
        assertThat(VersionOrder.INSTANCE.compare("banana", "9.9.9")).isPositive();
        assertThat(VersionOrder.INSTANCE.compare(null, "9.9.9")).isPositive();
        assertThat(VersionOrder.INSTANCE.compare("apple", "banana")).isNegative();
    }

    @Test
    void readsTheNumericParts() {
        assertThat(VersionOrder.parts("2_1")).containsExactly(BigInteger.TWO, BigInteger.ONE);
        assertThatThrownBy(() -> VersionOrder.parts("1.x")).isInstanceOf(IllegalArgumentException.class);
    }
}
