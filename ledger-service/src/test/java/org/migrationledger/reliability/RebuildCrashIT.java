package org.migrationledger.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationledger.LedgerServiceIT.Reply;
import org.migrationledger.testsupport.FreshDatabase;

/**
 * The service stops in the middle of a blue-green rebuild: the generation being built is half done, the serving one
 * keeps answering with everything it held, and the next start resumes the rebuild from its stored position, which
 * then switches over as it would have, equal to the generation it replaces.
 */
class RebuildCrashIT {

    private static final String ADMIN = "/api/v1/admin/projections/compatibility";
    private static final List<String> DATABASES = List.of("shop", "billing", "search", "auth");

    @TempDir
    Path work;

    private FreshDatabase database;
    private LedgerNode node;

    @AfterEach
    void close() {
        if (node != null) {
            node.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aRebuildCutShortLeavesTheServingReadModelAndResumesAfterRestart() throws IOException {
        database = FreshDatabase.create("rebuild_crash");
        StoredFacts store = new StoredFacts(database.jdbcUrl());
        node = start();
        for (String name : DATABASES) {
            assertThat(node.send("PUT", "/api/v1/databases/" + name, "admin", null)
                            .status())
                    .isEqualTo(201);
        }
        try (FactLoad load = new FactLoad(DATABASES, List.of(node)).start(4, "r", 1)) {
            load.awaitMoreAcknowledged(40, Duration.ofSeconds(60));
        }
        FactLoad.await(
                "the compatibility read model has caught up", Duration.ofSeconds(30), () -> behind(store, 1) == 0);
        String servedBefore = node.send("GET", "/api/v1/databases/shop/compatibility", "admin", null)
                .text();
        long servingRows = rows(store, 1);

        Reply started = node.send("POST", ADMIN + "/rebuilds", "admin", "{\"autoSwitch\":true}");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        FactLoad.await("the rebuild has begun", Duration.ofSeconds(30), () -> processed() > 0);
        long builtWhenStopped = processed();
        long events = store.number("select max(global_index) from domain_event_entry");
        node.close();

        assertThat(store.text("select state from projection_generation where read_model = 'compatibility'"
                        + " and generation = 2"))
                .as("cut short")
                .isEqualTo("BUILDING");
        assertThat(rows(store, 1)).as("the serving generation lost nothing").isEqualTo(servingRows);

        node = start();
        assertThat(node.send("GET", "/api/v1/databases/shop/compatibility", "admin", null)
                        .text())
                .as("served the same after the restart, while the rebuild resumes")
                .isEqualTo(servedBefore);
        FactLoad.await("the resumed rebuild switched over", Duration.ofSeconds(60), () -> activeGeneration() == 2);
        JsonNode switched = generation(2);
        assertThat(switched.get("comparison").asText()).contains(" are equal ");
        assertThat(behind(store, 2)).isZero();
        assertThat(node.send("GET", "/api/v1/databases/shop/compatibility", "admin", null)
                        .text())
                .isEqualTo(servedBefore);

        System.out.printf(
                "RELIABILITY rebuild-crash: events %d, rebuild position when stopped %d, serving rows kept %d of %d,"
                        + " generation 2 resumed and switched, comparison: %s%n",
                events,
                builtWhenStopped,
                rows(store, 1),
                servingRows,
                switched.get("comparison").asText());
    }

    private LedgerNode start() {
        // One event per batch: the rebuild takes long enough to be cut short in the middle.
        return LedgerNode.start(
                "node",
                database.jdbcUrl(),
                work,
                List.of(),
                "--axon.eventhandling.processors.compatibility.batch-size=1");
    }

    private static long rows(StoredFacts store, int generation) {
        return store.number("select count(*) from compatibility_migration where generation = " + generation);
    }

    /** Proposals not yet in the generation's compatibility rows. */
    private static long behind(StoredFacts store, int generation) {
        return store.number("""
                select count(*) from domain_event_entry e where payload_type like '%%MigrationProposed'
                and not exists (select 1 from compatibility_migration c where c.generation = %d
                    and c.migration_id = convert_from(e.payload, 'UTF8')::jsonb ->> 'migrationId')""".formatted(generation));
    }

    /** Events the rebuild has processed, by its progress report. */
    private long processed() {
        JsonNode progress = admin().get("progress");
        return progress == null || progress.isNull()
                ? 0
                : progress.get("processed").asLong();
    }

    private int activeGeneration() {
        return admin().get("activeGeneration").asInt();
    }

    private JsonNode generation(int generation) {
        return StreamSupport.stream(admin().get("generations").spliterator(), false)
                .filter(view -> view.get("generation").asInt() == generation)
                .findFirst()
                .orElseThrow();
    }

    private JsonNode admin() {
        try {
            return node.send("GET", ADMIN, "admin", null).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
