package org.migrationledger.client.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationledger.testsupport.MigrationCorpus;

class MigrationDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryKratosUpFileInManifestOrderWithItsDownScript() throws IOException {
        Path kratos = MigrationCorpus.locate().root().resolve(MigrationCorpus.KRATOS);
        List<String> manifestUps = Files.readAllLines(kratos.resolve("MANIFEST.tsv")).stream()
                .skip(1)
                .map(line -> line.split("\t"))
                .filter(row -> row[3].equals("up"))
                .map(row -> row[1])
                .toList();

        List<Migration> migrations = MigrationDirectory.read(kratos, "postgres").migrations();

        assertThat(migrations).hasSize(346);
        assertThat(migrations)
                .extracting(m -> m.upFile().getFileName().toString())
                .containsExactlyElementsOf(manifestUps);
        assertThat(migrations.get(0).migrationId()).isEqualTo("20150100000001000000_networks");
        assertThat(migrations.get(0).downScript()).contains("DROP TABLE");
        assertThat(migrations).filteredOn(m -> m.downScript() == null).hasSizeGreaterThanOrEqualTo(110);
        assertThat(migrations).allSatisfy(m -> assertThat(m.checksum()).isEqualTo(ScriptChecksum.of(m.upScript())));
    }

    @Test
    void pairsFlywayVersionedAndUndoScriptsAndSkipsRepeatables() throws IOException {
        write("V1__create_items.sql", "create table items (id int primary key);");
        write("U1__create_items.sql", "drop table items;");
        write("V1_1__Add_Priority.sql", "alter table items add column priority int;");
        write("R__views.sql", "create or replace view v as select 1;");

        MigrationDirectory directory = MigrationDirectory.read(dir, "postgres");

        assertThat(directory.migrations())
                .extracting(Migration::migrationId, Migration::downScript)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("0001_create_items", "drop table items;"),
                        org.assertj.core.groups.Tuple.tuple("0001_1_add_priority", null));
        assertThat(directory.skipped())
                .extracting(Path::getFileName)
                .extracting(Path::toString)
                .containsExactly("R__views.sql");
    }

    @Test
    void leavesOutFilesOfOtherDialects() throws IOException {
        write("0001_users.postgres.up.sql", "create table users (id uuid);");
        write("0001_users.mysql.up.sql", "create table users (id char(36));");
        write("0001_users.postgres.down.sql", "drop table users;");
        write("0002_index.autocommit.up.sql", "create index concurrently users_id on users (id);");

        List<Migration> migrations = MigrationDirectory.read(dir, "postgres").migrations();

        assertThat(migrations).extracting(Migration::migrationId).containsExactly("0001_users", "0002_index");
        assertThat(migrations.get(0).upScript()).contains("uuid");
        assertThat(migrations.get(0).downScript()).isEqualTo("drop table users;");
    }

    @Test
    void readsOneFileWithTheDownScriptBesideIt() throws IOException {
        Path up = write("0007_add_priority.up.sql", "alter table items add column priority int;");
        write("0007_add_priority.down.sql", "alter table items drop column priority;");

        List<Migration> migrations = MigrationDirectory.read(up, "postgres").migrations();

        assertThat(migrations).singleElement().satisfies(m -> {
            assertThat(m.migrationId()).isEqualTo("0007_add_priority");
            assertThat(m.downScript()).isEqualTo("alter table items drop column priority;");
        });
    }

    @Test
    void refusesTwoUpFilesOfOneVersion() throws IOException {
        write("V3__one.sql", "select 1;");
        write("V3__two.sql", "select 2;");

        assertThatThrownBy(() -> MigrationDirectory.read(dir, "postgres"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Two up files for version 3");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
