package org.migrationledger.client.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.migrationledger.testsupport.FreshPostgresDatabase;

class SchemaSnapshotIT {

    @RegisterExtension
    static final FreshPostgresDatabase POSTGRES = new FreshPostgresDatabase();

    @TempDir
    static Path migrations;

    @BeforeAll
    static void migrate() throws IOException {
        Files.writeString(migrations.resolve("V1__create_items.sql"), """
                create type item_status as enum ('draft', 'active');
                create table owners (id bigint primary key);
                create table items (
                    id bigint primary key,
                    owner_id bigint not null constraint items_owner_fk references owners (id),
                    name text not null default 'unnamed',
                    status item_status,
                    price numeric(10, 2) constraint items_price_ck check (price >= 0)
                );
                """);
        Files.writeString(
                migrations.resolve("V2__index_items.sql"), "create unique index items_name_ux on items (name);");
        Flyway.configure()
                .dataSource(
                        POSTGRES.database().jdbcUrl(),
                        POSTGRES.database().user(),
                        POSTGRES.database().password())
                .locations("filesystem:" + migrations)
                .load()
                .migrate();
    }

    @Test
    void capturesTablesColumnsIndexesConstraintsAndEnumsButNotTheHistoryTable() throws SQLException {
        ObservedSchema schema;
        try (Connection connection = POSTGRES.database().connect()) {
            schema = SchemaSnapshot.capture(connection, "MANUAL", true, true, List.of(), "flyway_schema_history")
                    .schema();
        }

        assertThat(schema.tables()).extracting(ObservedSchema.Table::name).containsExactly("items", "owners");
        ObservedSchema.Table items = schema.tables().get(0);
        assertThat(items.columns())
                .containsExactly(
                        new ObservedSchema.Column("id", "bigint", false, null),
                        new ObservedSchema.Column("owner_id", "bigint", false, null),
                        new ObservedSchema.Column("name", "text", false, "'unnamed'::text"),
                        new ObservedSchema.Column("status", "item_status", true, null),
                        new ObservedSchema.Column("price", "numeric(10,2)", true, null));
        assertThat(items.indexes())
                .extracting(ObservedSchema.Index::name, ObservedSchema.Index::unique)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("items_name_ux", true),
                        org.assertj.core.groups.Tuple.tuple("items_pkey", true));
        assertThat(items.constraints())
                .extracting(ObservedSchema.Constraint::name, ObservedSchema.Constraint::type)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("items_owner_fk", "FOREIGN KEY"),
                        org.assertj.core.groups.Tuple.tuple("items_pkey", "PRIMARY KEY"),
                        org.assertj.core.groups.Tuple.tuple("items_price_ck", "CHECK"));
        assertThat(schema.enums())
                .containsExactly(new ObservedSchema.EnumType("public", "item_status", List.of("draft", "active")));
    }

    @Test
    void readsFlywaysHistoryInInstalledOrder() throws SQLException {
        List<FlywayHistoryRow> history;
        try (Connection connection = POSTGRES.database().connect()) {
            history = FlywayHistoryCapture.read(connection, "flyway_schema_history");
        }

        assertThat(history)
                .extracting(FlywayHistoryRow::version, FlywayHistoryRow::script, FlywayHistoryRow::success)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1", "V1__create_items.sql", true),
                        org.assertj.core.groups.Tuple.tuple("2", "V2__index_items.sql", true));
        assertThat(history).allSatisfy(row -> {
            assertThat(row.installedOn()).isNotNull();
            assertThat(row.checksum()).isNotNull();
        });
    }

    @Test
    void aDatabaseWithoutFlywayHasAnEmptyHistory() throws SQLException {
        try (Connection connection = POSTGRES.database().connect()) {
            assertThat(FlywayHistoryCapture.read(connection, "no_such_history")).isEmpty();
        }
    }
}
