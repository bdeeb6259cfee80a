package org.migrationledger.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** Every pair of a corpus that covers each rule of the order: the keys' byte order agrees with the comparator. */
    @Test
    void keysSortAsTheOrderDoes() {
        List<String> corpus = List.of(
                "0",
                "0.0.1",
                "1",
                "1.0",
                "1.0.0",
                "1_0",
                "01.0.0",
                "1.0.0.0.1",
                "1.2",
                "1.2.0",
                "1.2.1",
                "1.2.10",
                "1.10",
                "1_10",
                "2",
                "9.9.9",
                "10.0.0",
                "255.0.0",
                "256.0.0",
                "65536",
                "20150100000000000000",
                "20150100000001000000",
                "123456789012345678901234567890",
                "1.0.0-alpha",
                "1.0.0-alpha.1",
                "1.0.0-alpha.beta",
                "1.0.0-beta",
                "1.0.0-beta.2",
                "1.0.0-beta.11",
                "1.0.0-beta.011",
                "1.0.0-rc.1",
                "1.0.0-rc.1.",
                "1.0.0-",
                "1.0.0-0",
                "1.0.0-1a",
                "1.0.0-a",
                "1.0.0-ab",
                "1.0.0-b",
                "1.0.0-\u00e9",
                "1.0-alpha",
                "1.0.0+build.7",
                "1.0.0-alpha+build",
                "1.x",
                "banana",
                "apple",
                "v1.0.0",
                "",
                "1..2",
                "1.2.",
                "\u00e9t\u00e9",
                "\ud83d\ude00");
        for (String left : corpus) {
            for (String right : corpus) {
                int byOrder = Integer.signum(VersionOrder.INSTANCE.compare(left, right));
                int byKey =
                        Integer.signum(Arrays.compareUnsigned(VersionOrder.sortKey(left), VersionOrder.sortKey(right)));
                assertThat(byKey).as("%s vs %s", left, right).isEqualTo(byOrder);
            }
        }
    }

    @Test
    void refusesToKeyANullVersion() {
        assertThatThrownBy(() -> VersionOrder.sortKey(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
