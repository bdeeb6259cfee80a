package org.migrationledger.upcasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Fails the build when an event record's JSON shape changes without a new revision. {@code events/shapes.txt} pins
 * each event's current revision and shape, derived from the code by {@link EventShapes}; the message says what a
 * developer has to add. {@link HistoricalRevisionsTest} then checks that every older revision is still readable.
 */
class EventShapeFingerprintTest {

    static final String FINGERPRINTS = "events/shapes.txt";

    @Test
    void everyEventKeepsTheShapeItsRevisionPromises() {
        Map<String, String> pinned = pinned();
        assertThat(EventContractTest.events()).allSatisfy(event -> {
            String name = event.getSimpleName();
            String revision = EventContractTest.revision(event);
            String line = name + "@" + revision + " " + EventShapes.of(event);
            String pinnedLine = pinned.get(name);
            if (pinnedLine == null) {
                fail(
                        "%s has no line in %s. A new event starts at @Revision(\"1\"): add a sample to EventFixtures,"
                                + " its golden file %s, a row in docs/events.md and this line:%n%s",
                        name, FINGERPRINTS, EventContractTest.goldenFile(event), line);
            }
            if (pinnedLine.equals(line)) {
                return;
            }
            String pinnedRevision = pinnedLine.substring(name.length() + 1, pinnedLine.indexOf(' '));
            if (pinnedRevision.equals(revision)) {
                fail(changedWithoutRevision(name, revision, line));
            }
            fail(revisionChanged(name, pinnedRevision, revision, line));
        });
    }

    @Test
    void pinsNoEventThatNoLongerExists() {
        assertThat(pinned().keySet())
                .as("a retired event type keeps its stored fixtures and upcaster, not a line in " + FINGERPRINTS)
                .containsExactlyInAnyOrderElementsOf(EventContractTest.events().stream()
                        .map(Class::getSimpleName)
                        .toList());
    }

    private static String changedWithoutRevision(String name, String revision, String line) {
        int next = Integer.parseInt(revision) + 1;
        return String.format(
                "%1$s changed its JSON shape but is still @Revision(\"%2$s\"). Stored events are kept forever, and rows"
                        + " written with the old shape would now be read into the new one silently. Undo the change,"
                        + " prefer an additive one (a new nullable field), or version it (docs/adr/0003-event-versioning"
                        + ".md):%n"
                        + "  1. copy events/%1$s/v%2$s.json to stored/%1$s/v%2$s.json (it is history now);%n"
                        + "  2. set @Revision(\"%3$d\") on %1$s and write events/%1$s/v%3$d.json from its sample;%n"
                        + "  3. write %1$sV%2$sToV%3$dUpcaster and add it to LedgerUpcasters.all() in chain order, with"
                        + " a test;%n"
                        + "  4. update docs/events.md and replace the line of %1$s in %4$s with:%n%5$s",
                name, revision, next, FINGERPRINTS, line.replace("@" + revision + " ", "@" + next + " "));
    }

    private static String revisionChanged(String name, String pinnedRevision, String revision, String line) {
        return String.format(
                "%1$s is @Revision(\"%3$s\") but %4$s pins revision %2$s. Make sure stored/%1$s/v%2$s.json exists,"
                        + " an upcaster in LedgerUpcasters.all() reads it, events/%1$s/v%3$s.json is written and"
                        + " docs/events.md is updated; then replace the line of %1$s with:%n%5$s",
                name, pinnedRevision, revision, FINGERPRINTS, line);
    }

    static Map<String, String> pinned() {
        return Arrays.stream(StoredEvents.resource(FINGERPRINTS).split("\n"))
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('@')), Function.identity()));
    }
}
