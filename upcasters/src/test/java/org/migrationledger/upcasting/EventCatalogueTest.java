package org.migrationledger.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.junit.jupiter.api.Test;
import org.migrationledger.api.events.LedgerEvent;

/** {@code docs/events.md} matches the code: every event with its current revision, and every upcaster. */
class EventCatalogueTest {

    private static final Path CATALOGUE = Path.of("../docs/events.md");

    @Test
    void listsEveryEventAtItsCurrentRevision() throws IOException {
        String catalogue = Files.readString(CATALOGUE);
        for (Class<? extends LedgerEvent> event : EventContractTest.events()) {
            assertThat(catalogue)
                    .as("docs/events.md needs a row for %s", event.getSimpleName())
                    .contains("| `" + event.getSimpleName() + "` | " + EventContractTest.revision(event) + " |");
        }
    }

    @Test
    void namesEveryUpcaster() throws IOException {
        String catalogue = Files.readString(CATALOGUE);
        for (EventUpcaster upcaster : LedgerUpcasters.all()) {
            assertThat(catalogue).contains("`" + upcaster.getClass().getSimpleName() + "`");
        }
    }
}
