package org.migrationledger.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MigrationIdsTest {

    @ParameterizedTest
    @CsvSource({
        "0007_create_wishlist_items, 0007_create_wishlist_items",
        "0007_create_wishlist_items.sql, 0007_create_wishlist_items",
        "V7__Create_wishlist_items, 0007_create_wishlist_items",
        "V42__add-user email.sql, 0042_add_user_email",
        "V1.2__Add_users, 0001_2_add_users",
        "V2_1_3__fix, 0002_1_3_fix",
        "20191100000001000000_identities, 20191100000001000000_identities"
    })
    void normalisesBothConventions(String raw, String expected) {
        assertThat(MigrationIds.normalise(raw)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"add_users", "7_add_users", "0007-add-users", "0007_Add_Users", "V__x", "0007_", "U7__undo"})
    void refusesAnythingElse(String raw) {
        assertThat(MigrationIds.normalise(raw)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "V2_1__add_priority.sql, 2.1.0",
        "V7__create_items, 7.0.0",
        "V1.2.3__x, 1.2.3",
        "0042_add_user_email, 42.0.0",
        "0002_1_add_priority, 2.0.0",
        "V1.2.3.4__four_parts, 1.0.0",
        "20191100000001000000_identities, 20191100000001000000.0.0"
    })
    void impliesTheVersionOfAMigrationKnownOnlyByName(String raw, String expected) {
        assertThat(MigrationIds.impliedVersion(raw)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"add_users", "V__x"})
    void impliesNoVersionForMalformedNames(String raw) {
        assertThat(MigrationIds.impliedVersion(raw)).isEmpty();
    }

    @Test
    void derivesTheIdOfAFlywayMigration() {
        assertThat(MigrationIds.fromFlyway("1", "Create Items")).isEqualTo("0001_create_items");
        assertThat(MigrationIds.fromFlyway("2.1", "add priority")).isEqualTo("0002_1_add_priority");
        assertThat(MigrationIds.fromFlyway("20150100000001000000", "networks"))
                .isEqualTo("20150100000001000000_networks");
    }

    @Test
    void ordersMigrationsByTheirNumberNotTheirText() {
        List<String> ids = new ArrayList<>(List.of("0010_b", "20191100000001000000_a", "0009_a", "0010_a", "0002_1_x"));

        ids.sort(MigrationIds.APPLY_ORDER);

        assertThat(ids).containsExactly("0002_1_x", "0009_a", "0010_a", "0010_b", "20191100000001000000_a");
    }
}
