package org.migrationledger.projection.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.migrationledger.projection.LedgerEvents.DB;
import static org.migrationledger.projection.LedgerEvents.PATH;
import static org.migrationledger.projection.LedgerEvents.checksum;
import static org.migrationledger.projection.LedgerEvents.proposed;
import static org.migrationledger.projection.LedgerEvents.registered;
import static org.migrationledger.projection.LedgerEvents.rejected;
import static org.migrationledger.projection.LedgerEvents.release;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.migrationledger.api.events.MigrationRevised;
import org.migrationledger.api.events.MigrationRunImported;
import org.migrationledger.api.events.UnproposedMigrationNoticed;
import org.migrationledger.api.queries.CompatibilityView;
import org.migrationledger.api.queries.GetCompatibility;
import org.migrationledger.api.queries.GridRowView;
import org.migrationledger.api.queries.ReleaseWindowView;
import org.migrationledger.api.queries.RollbackPairView;
import org.migrationledger.api.queries.RollbackReachView;
import org.migrationledger.projection.ReadModelDatabase;
import org.migrationledger.projection.rebuild.ComparisonVerdict;
import org.migrationledger.projection.rebuild.Generations;
import org.migrationledger.testsupport.FreshPostgresDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The indexed reads answer what the reference ({@link RollbackCompatibility}, every migration in memory) computes, on a
 * history made to catch them out: a few hundred migrations proposed out of version order with Flyway-like versions of
 * every shape (equal in order but not in text, repeated, pre-releases), random classifications, some rejected, some
 * known only from an unproposed apply or an import, and later revisions, rejections and re-proposals that move
 * migrations in and out of the blocking and rejected sets. The seed is fixed, so a failure repeats.
 */
class CompatibilityEquivalenceIT {

    @RegisterExtension
    static final FreshPostgresDatabase POSTGRES = new FreshPostgresDatabase();

    private static final long SEED = 19;
    private static final int MIGRATIONS = 300;
    private static final int PAGE = 37;
    private static final int PAIRS = 60;
    private static final Instant T = Instant.parse("2026-03-01T09:00:00Z");

    private static final Random RANDOM = new Random(SEED);
    /** Every migration as the events left it, by id. */
    private static final Map<String, RollbackCompatibility.Known> KNOWN = new LinkedHashMap<>();
    /** Every delivery, to replay into a rebuilt generation. */
    private static final List<Consumer<CompatibilityProjection>> DELIVERIES = new ArrayList<>();

    private static SingleConnectionDataSource connection;
    private static JdbcClient jdbc;
    private static Generations generations;
    private static CompatibilityQueryHandler queries;
    private static long sequence;

    @BeforeAll
    static void writeAHistoryOutOfOrder() {
        ReadModelDatabase.migrate(POSTGRES.database());
        connection = ReadModelDatabase.oneConnection(POSTGRES.database());
        jdbc = JdbcClient.create(connection);
        generations = new Generations(
                jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(connection)),
                Clock.fixed(ReadModelDatabase.NOW, ZoneOffset.UTC));
        generations.registerFirst(CompatibilityReadModel.NAME);
        queries = new CompatibilityQueryHandler(jdbc, generations);

        deliver(p -> p.on(registered()));
        List<Integer> numbers =
                new ArrayList<>(IntStream.rangeClosed(1, MIGRATIONS).boxed().toList());
        Collections.shuffle(numbers, RANDOM);
        numbers.forEach(number -> propose("%04d_change_%d".formatted(number, number)));
        List<String> proposedIds = KNOWN.values().stream()
                .filter(m -> m.classification().category() != null)
                .map(RollbackCompatibility.Known::migrationId)
                .toList();
        for (int i = 0; i < 20; i++) {
            revise(pick(proposedIds));
        }
        for (int i = 0; i < 12; i++) {
            reject(pick(proposedIds));
        }
        for (int i = 0; i < 6; i++) {
            repropose(pick(proposedIds));
        }
        List<String> versions = KNOWN.values().stream()
                .map(RollbackCompatibility.Known::version)
                .toList();
        for (String environment : PATH) {
            String schemaVersion = RANDOM.nextInt(4) == 0 ? version() : pick(versions);
            deliver(p -> p.on(release(environment, "5.0.0", schemaVersion), ++sequence, T, "ci"));
            deliver(p -> p.on(release(environment, "5.1.0", pick(versions)), ++sequence, T, "ci"));
        }
        CompatibilityProjection projection = new CompatibilityProjection(jdbc, 1);
        DELIVERIES.forEach(delivery -> delivery.accept(projection));
    }

    @AfterAll
    static void closeTheConnection() {
        connection.destroy();
    }

    @Test
    void pagesTheGridAndTheReachAsTheWholeListOrdersThem() {
        answersEveryPageAsTheReferenceDoes();
    }

    @Test
    void judgesPairsAsTheWholeListDoes() {
        answersPairsAsTheReferenceDoes();
    }

    @Test
    void opensTheNMinusOneWindowsAsTheWholeListDoes() {
        answersTheWindowsAsTheReferenceDoes();
    }

    @Test
    void answersTheSameFromARebuiltGeneration() {
        int rebuilt = generations
                .startBuilding(CompatibilityReadModel.NAME, sequence, false)
                .orElseThrow()
                .generation();
        CompatibilityProjection projection = new CompatibilityProjection(jdbc, rebuilt);
        DELIVERIES.forEach(delivery -> delivery.accept(projection));
        generations.markReady(CompatibilityReadModel.NAME, rebuilt, new ComparisonVerdict(true, "replayed"));
        generations.switchTo(CompatibilityReadModel.NAME, rebuilt);
        // Nothing of the first generation left to answer from: the rebuilt one keyed and flagged its own rows.
        CompatibilityReadModel.TABLES.forEach(table -> jdbc.sql("delete from %s where generation <> ?".formatted(table))
                .param(rebuilt)
                .update());

        answersEveryPageAsTheReferenceDoes();
        answersPairsAsTheReferenceDoes();
        answersTheWindowsAsTheReferenceDoes();
    }

    private static void answersEveryPageAsTheReferenceDoes() {
        List<GridRowView> grid = new ArrayList<>();
        List<RollbackReachView> reach = new ArrayList<>();
        String after = null;
        do {
            CompatibilityView page = queries.handle(new GetCompatibility(DB, null, null, after, PAGE))
                    .orElseThrow();
            assertThat(page.grid()).hasSize(page.gridNext() == null ? MIGRATIONS % PAGE : PAGE);
            grid.addAll(page.grid());
            reach.addAll(page.rollbackReach());
            after = page.gridNext();
        } while (after != null);

        assertThat(grid)
                .extracting(row -> row.migrationId() + " " + row.version())
                .containsExactlyElementsOf(KNOWN.values().stream()
                        .sorted(RollbackCompatibility.VERSION_ORDER)
                        .map(m -> m.migrationId() + " " + m.version())
                        .toList());
        assertThat(reach).containsExactlyElementsOf(reference().reach());
    }

    private static void answersPairsAsTheReferenceDoes() {
        List<RollbackCompatibility.Known> live = KNOWN.values().stream()
                .filter(m -> !m.rejected())
                .sorted(RollbackCompatibility.VERSION_ORDER)
                .toList();
        List<String> everyVersion = KNOWN.values().stream()
                .map(RollbackCompatibility.Known::version)
                .toList();
        int judged = 0;
        for (int i = 0; i < PAIRS; i++) {
            String from;
            String to;
            if (i % 3 == 0) {
                from = pick(everyVersion);
                to = i % 2 == 0 ? pick(everyVersion) : "99.0.0-never";
            } else {
                int older = RANDOM.nextInt(live.size() - 1);
                from = live.get(older + 1 + RANDOM.nextInt(live.size() - older - 1))
                        .version();
                to = live.get(older).version();
            }
            Optional<RollbackPairView> expected = reference().pair(from, to);
            List<RollbackPairView> answered = queries.handle(new GetCompatibility(DB, from, to, null, 1))
                    .orElseThrow()
                    .rollback();

            assertThat(answered)
                    .as("%s → %s", from, to)
                    .containsExactlyElementsOf(expected.stream().toList());
            judged += expected.isPresent() ? 1 : 0;
        }
        assertThat(judged).as("pairs of two live versions, newer to older").isGreaterThan(PAIRS / 2);
    }

    private static void answersTheWindowsAsTheReferenceDoes() {
        List<ReleaseWindowView> windows =
                queries.handle(new GetCompatibility(DB)).orElseThrow().releases();

        assertThat(windows).hasSize(PATH.size());
        for (ReleaseWindowView window : windows) {
            RollbackCompatibility.Window expected = reference().window(window.previousReleaseSchemaVersion());
            List<String> versions = expected.compatible();
            int listed = Math.min(versions.size(), ReleaseWindowView.MAX_COMPATIBLE_VERSIONS);
            assertThat(window.previousReleaseCompatibleVersions())
                    .as(window.environment())
                    .containsExactlyElementsOf(versions.subList(0, listed));
            assertThat(window.previousReleaseCompatibleVersionsTruncated()).isEqualTo(listed < versions.size());
            assertThat(window.blockingMigrationId())
                    .isEqualTo(
                            expected.blocking() == null
                                    ? null
                                    : expected.blocking().migrationId());
        }
    }

    private static RollbackCompatibility reference() {
        return new RollbackCompatibility(List.copyOf(KNOWN.values()));
    }

    /** Mostly proposals; some migrations known first from an apply nobody proposed, or from imported history. */
    private static void propose(String id) {
        String version = version();
        int kind = RANDOM.nextInt(10);
        if (kind == 0) {
            deliver(p -> p.on(new UnproposedMigrationNoticed(DB, id, version, checksum(id), "ci"), ++sequence, T));
            know(new MigrationClassification(id, version, null, false, false, false), false);
        } else if (kind == 1) {
            boolean rollbackSafe = RANDOM.nextBoolean();
            deliver(p -> p.on(imported(id, version, rollbackSafe), ++sequence, T));
            know(new MigrationClassification(id, version, null, false, false, rollbackSafe), false);
        } else {
            proposeAs(id, version);
            if (RANDOM.nextInt(10) == 0) {
                reject(id);
            }
        }
    }

    /** A proposal with a random classification; about one in five blocks rollback. */
    private static void proposeAs(String id, String version) {
        String category = RANDOM.nextInt(20) == 0 ? "contract" : RANDOM.nextBoolean() ? "expand" : "migrate";
        boolean breaking = RANDOM.nextInt(20) == 0;
        boolean rollbackSafe = RANDOM.nextInt(20) != 0;
        String down = RANDOM.nextInt(20) == 0 ? null : "alter table items drop column c;";
        deliver(p -> p.on(proposed(id, version, category, breaking, rollbackSafe, down), ++sequence, T));
        know(new MigrationClassification(id, version, category, breaking, down != null, rollbackSafe), false);
    }

    /** A new script and classification, which also takes a rejected migration back into consideration. */
    private static void revise(String id) {
        MigrationClassification before = KNOWN.get(id).classification();
        String category = RANDOM.nextInt(4) == 0 ? "contract" : "expand";
        boolean breaking = RANDOM.nextInt(4) == 0;
        boolean rollbackSafe = RANDOM.nextInt(4) != 0;
        String down = RANDOM.nextInt(4) == 0 ? null : "alter table items drop column d;";
        MigrationRevised revised = new MigrationRevised(
                DB,
                id,
                "alice",
                checksum(id),
                checksum(id + "-revised"),
                "select 2;",
                down,
                "SEMANTIC",
                "reworked",
                category,
                breaking,
                rollbackSafe,
                null);
        deliver(p -> p.on(revised, ++sequence));
        know(new MigrationClassification(id, before.version(), category, breaking, down != null, rollbackSafe), false);
    }

    private static void reject(String id) {
        deliver(p -> p.on(rejected(id), ++sequence));
        know(KNOWN.get(id).classification(), true);
    }

    /** Proposed again under another version: the migration moves in the version order. */
    private static void repropose(String id) {
        proposeAs(id, version());
    }

    private static void know(MigrationClassification classification, boolean rejected) {
        KNOWN.put(classification.migrationId(), new RollbackCompatibility.Known(classification, rejected));
    }

    /** Versions of the shapes the ledger meets, drawn from small ranges so that many collide or tie in the order. */
    private static String version() {
        return switch (RANDOM.nextInt(6)) {
            case 0 -> String.valueOf(1 + RANDOM.nextInt(30));
            case 1 -> (1 + RANDOM.nextInt(10)) + "." + RANDOM.nextInt(12);
            case 2 -> RANDOM.nextInt(5) + "." + RANDOM.nextInt(5) + "." + RANDOM.nextInt(20);
            case 3 -> RANDOM.nextInt(5) + "_" + RANDOM.nextInt(12);
            case 4 -> RANDOM.nextInt(3) + "." + RANDOM.nextInt(3) + ".0-rc." + RANDOM.nextInt(3);
            default -> RANDOM.nextInt(3) + "." + RANDOM.nextInt(3) + ".0";
        };
    }

    private static <T> T pick(List<T> from) {
        return from.get(RANDOM.nextInt(from.size()));
    }

    /** Delivered twice, as a processor that redelivers after a crash would, here and in the rebuilt generation. */
    private static void deliver(Consumer<CompatibilityProjection> delivery) {
        DELIVERIES.add(delivery);
        DELIVERIES.add(delivery);
    }

    private static MigrationRunImported imported(String id, String version, boolean rollbackSafe) {
        return new MigrationRunImported(
                DB,
                "production",
                "flyway_schema_history",
                id,
                version,
                "from history",
                "select 1;",
                checksum(id),
                "deploy",
                T,
                120L,
                true,
                rollbackSafe,
                true);
    }
}
