package org.migrationledger.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationledger.embedded.EmbeddedPostgresServer;
import org.migrationledger.embedded.EmbeddedPostgresSettings;
import org.migrationledger.testsupport.FreshDatabase;

/**
 * Walks the policy documents' SQL step by step on a real PostgreSQL, the failures they warn about included, and checks
 * that the database ends where the text says it does. The enum runbook runs on the test PostgreSQL and on the
 * embedded PostgreSQL 17, because what {@code ALTER TYPE … ADD VALUE} may do in a transaction depends on the version.
 */
class PolicySqlExamplesIT {

    private static final Path POLICY = Path.of("..", "docs", "policy");
    private static final Path RUNBOOK = POLICY.resolve("ENUM-MODIFICATION-RUNBOOK.md");
    private static final Path SCENARIOS = POLICY.resolve("SCHEMA-CHANGE-SCENARIOS.md");
    private static final Path VERSIONING = POLICY.resolve("SCHEMA-VERSIONING.md");

    @TempDir
    Path embeddedData;

    @Test
    void everyPolicyDocumentWithSqlIsWalkedHere() throws IOException {
        List<Path> withSql = new ArrayList<>();
        try (Stream<Path> documents = Files.list(POLICY)) {
            for (Path document : documents.sorted().toList()) {
                if (!SqlExamples.of(document).blocks().isEmpty()) {
                    withSql.add(document.getFileName());
                }
            }
        }
        assertThat(withSql)
                .as("documents whose sql blocks this test runs")
                .containsExactlyInAnyOrder(RUNBOOK.getFileName(), SCENARIOS.getFileName(), VERSIONING.getFileName());
    }

    @Test
    void theEnumRunbookWalksThroughOnTheTestPostgres() throws Exception {
        try (FreshDatabase database = FreshDatabase.create("enum_runbook");
                Connection connection = database.connect()) {
            SqlExamples.of(RUNBOOK).runOn(connection);
            assertRunbookOutcome(connection);
        }
    }

    @Test
    void theEnumRunbookWalksThroughOnEmbeddedPostgres17() throws Exception {
        try (EmbeddedPostgresServer server =
                EmbeddedPostgresServer.start(EmbeddedPostgresSettings.forTests(embeddedData))) {
            assertThat(server.version()).startsWith("17.");
            server.createDatabaseIfMissing("runbook");
            try (Connection connection = server.connect("runbook")) {
                SqlExamples.of(RUNBOOK).runOn(connection);
                assertRunbookOutcome(connection);
            }
        }
    }

    @Test
    void theScenariosRunAsWritten() throws Exception {
        try (FreshDatabase database = FreshDatabase.create("scenarios");
                Connection connection = database.connect()) {
            SqlExamples.of(SCENARIOS).runOn(connection);

            assertThat(columns(connection))
                    .containsExactly("id", "user_id", "title", "notes", "is_public", "priority", "price_cents");
            assertThat(single(connection, "select count(*) from wishlist_items where priority is null"))
                    .isEqualTo("0");
            assertThat(single(connection, """
                    select is_nullable from information_schema.columns
                    where table_name = 'wishlist_items' and column_name = 'priority'""")).isEqualTo("NO");
            assertThat(single(connection, "select count(*) from wishlist_items where price_cents is null"))
                    .isEqualTo("0");
            assertThat(single(connection, "select count(*) from pg_index where not indisvalid"))
                    .isEqualTo("0");
            assertThat(list(connection, """
                    select conname from pg_constraint where conrelid = 'wishlist_items'::regclass and contype <> 'p'
                    order by conname"""))
                    .containsExactly("wishlist_items_price_positive", "wishlist_items_user_title_key");
        }
    }

    @Test
    void theSchemaVersionsTableOfTheImportExampleIsTheSeedsDesign() throws Exception {
        try (FreshDatabase database = FreshDatabase.create("versioning");
                Connection connection = database.connect()) {
            SqlExamples.of(VERSIONING).runOn(connection);

            assertThat(list(connection, "select version || ' ' || migration_file from schema_versions order by id"))
                    .containsExactly("1.0.0 0000_create_wishlist_items.sql", "1.1.0 0001_add_store_enum.sql");
        }
    }

    /** Where the runbook's walk leaves the database: the values it added, renamed and removed, and every row. */
    private static void assertRunbookOutcome(Connection connection) throws SQLException {
        assertThat(enumValues(connection, "wishlist_store")).containsExactly("LEGO", "Target Corporation", "Amazon");
        assertThat(enumValues(connection, "wishlist_currency")).containsExactly("USD", "EUR", "EURO");
        assertThat(list(
                        connection,
                        "select typname from pg_type where typname like 'wishlist%' and typtype = 'e'"
                                + " order by typname"))
                .containsExactly("wishlist_currency", "wishlist_store");
        assertThat(list(connection, "select title || ':' || store || ':' || currency from wishlist_items order by id"))
                .containsExactly(
                        "Millennium Falcon:LEGO:USD",
                        "The Hobbit:Amazon:EURO",
                        "Socks:Target Corporation:USD",
                        "Kindle:Amazon:USD");
    }

    private static List<String> enumValues(Connection connection, String type) throws SQLException {
        return list(
                connection,
                "select e.enumlabel from pg_enum e join pg_type t on t.oid = e.enumtypid" + " where t.typname = '"
                        + type + "' order by e.enumsortorder");
    }

    private static List<String> columns(Connection connection) throws SQLException {
        return list(connection, """
                select column_name from information_schema.columns where table_name = 'wishlist_items'
                order by ordinal_position""");
    }

    private static String single(Connection connection, String sql) throws SQLException {
        List<String> values = list(connection, sql);
        assertThat(values).as(sql).hasSize(1);
        return values.get(0);
    }

    private static List<String> list(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
