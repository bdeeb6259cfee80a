package org.migrationledger.projection.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.migrationledger.projection.LedgerEvents.DB;
import static org.migrationledger.projection.LedgerEvents.PATH;
import static org.migrationledger.projection.LedgerEvents.applied;
import static org.migrationledger.projection.LedgerEvents.approved;
import static org.migrationledger.projection.LedgerEvents.checksum;
import static org.migrationledger.projection.LedgerEvents.expand;
import static org.migrationledger.projection.LedgerEvents.failed;
import static org.migrationledger.projection.LedgerEvents.registered;
import static org.migrationledger.projection.LedgerEvents.rejected;
import static org.migrationledger.projection.LedgerEvents.rolledBack;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.migrationledger.api.events.MigrationApplied;
import org.migrationledger.api.events.MigrationApplyFailed;
import org.migrationledger.api.events.MigrationApproved;
import org.migrationledger.api.events.MigrationHistoryRepaired;
import org.migrationledger.api.events.MigrationProposed;
import org.migrationledger.api.events.MigrationRejected;
import org.migrationledger.api.events.MigrationRevised;
import org.migrationledger.api.events.MigrationRolledBack;
import org.migrationledger.api.events.MigrationRunImported;
import org.migrationledger.projection.ReadModelDatabase;
import org.migrationledger.testsupport.FreshPostgresDatabase;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A judge kept between batches (so that a batch replays only its own steps) must leave exactly the findings a replay
 * of the whole history leaves, whatever the story: proposals arriving between facts, revised checksums, runs reported
 * before their proposal, imports, repairs, redeliveries, and batches whose transaction rolls back after judging. After
 * every batch the stored findings are compared with those of a judgement from the first step.
 */
class DriftKeptJudgeIT {

    @RegisterExtension
    static final FreshPostgresDatabase POSTGRES = new FreshPostgresDatabase();

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final int MIGRATIONS = 40;

    private ReadModelDatabase database;
    private TransactionTemplate transactions;
    private DriftProjection projection;
    private long sequence;
    private final int generation = 1;

    @BeforeEach
    void freshStory() {
        if (database == null) {
            database = ReadModelDatabase.migrate(POSTGRES.database());
            database.generations().registerFirst(DriftReadModel.NAME);
        }
        // Every story starts from an empty read model and a projection that has kept no judge.
        DriftReadModel.TABLES.forEach(
                table -> database.jdbc().sql("delete from " + table).update());
        projection = new DriftProjection(database.jdbc(), generation);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
        sequence = 0;
    }

    @Test
    void judgesARandomStoryBatchByBatchAsAWholeReplayWould() {
        for (long seed = 1; seed <= 3; seed++) {
            freshStory();
            Random random = new Random(seed);
            List<Consumer<DriftProjection>> story = story(random);
            int next = 0;
            int batches = 0;
            while (next < story.size()) {
                int size = 1 + random.nextInt(random.nextInt(4) == 0 ? 40 : 4);
                List<Consumer<DriftProjection>> batch = story.subList(next, Math.min(story.size(), next + size));
                boolean rollBack = random.nextInt(10) == 0;
                if (rollBack) {
                    batch(batch, true);
                    assertJudgedAsAWhole("seed " + seed + ", after the rolled-back batch " + batches);
                }
                batch(batch, false);
                next += batch.size();
                if (random.nextInt(8) == 0 && next > 1) {
                    // A redelivery of the batch's last event, as after a processor's restart.
                    batch(story.subList(next - 1, next), false);
                }
                batches++;
                assertJudgedAsAWhole("seed " + seed + ", batch " + batches);
            }
            assertThat(findings())
                    .as("seed %d leaves findings to compare", seed)
                    .isNotEmpty();
        }
    }

    @Test
    void goesOnFromAKeptJudgeWhenNothingItReplayedChanged() {
        List<Consumer<DriftProjection>> story = new ArrayList<>();
        story.add(p -> p.on(registered()));
        for (int i = 1; i <= 5; i++) {
            String id = "%04d_m".formatted(i);
            String version = "1." + i;
            story.add(p -> on(p, expand(id, version)));
            story.add(p -> on(p, applied(id, "production", T0)));
        }
        batch(story, false);

        // A later batch: a new migration applied to production only, with a checksum other than its proposal's.
        batch(
                List.of(
                        p -> on(p, expand("0006_m", "1.6")),
                        p -> on(p, applied("0006_m", "production", T0, "f".repeat(64), List.of()))),
                false);

        assertJudgedAsAWhole("after the second batch");
        assertThat(findings())
                .filteredOn(f -> f.startsWith("CHECKSUM_MISMATCH"))
                .singleElement()
                .asString()
                .contains("0006_m");
    }

    @Test
    void judgesAnImportedRunAgainWhenAnEarlierEnvironmentBecomesKnown() {
        batch(
                List.of(
                        p -> p.on(registered()),
                        p -> on(p, imported("0001_m", "production", T0, true)),
                        p -> on(p, imported("0002_m", "production", T0, true))),
                false);
        assertThat(findings()).filteredOn(f -> f.startsWith("MISSING")).isEmpty();

        // The first fact in local: what production's history says ran is now missing where the ledger knows better.
        batch(List.of(p -> on(p, expand("0003_m", "1.3")), p -> on(p, applied("0003_m", "local", T0))), false);

        assertJudgedAsAWhole("after local became known");
        assertThat(findings())
                .filteredOn(f -> f.startsWith("MISSING_IN_EARLIER_ENVIRONMENT"))
                .extracting(f -> f.split(" \\| ")[3])
                .containsExactly("0001_m", "0002_m");
    }

    private List<Consumer<DriftProjection>> story(Random random) {
        List<Consumer<DriftProjection>> story = new ArrayList<>();
        story.add(p -> p.on(registered()));
        List<String> known = new ArrayList<>();
        for (int step = 0; step < MIGRATIONS * 6; step++) {
            int choice = random.nextInt(100);
            String env = PATH.get(random.nextInt(PATH.size()));
            if (known.isEmpty() || choice < 15) {
                int n = known.size() + 1;
                String id = "%04d_m%d".formatted(n, n);
                // Versions out of order now and then, as hand-numbered migrations are.
                String version = "1." + (random.nextInt(5) == 0 ? n + 3 : n);
                known.add(id);
                if (random.nextInt(8) == 0) {
                    // Run before anyone proposed it, proposed afterwards.
                    story.add(p -> on(p, applied(id, env, T0)));
                }
                story.add(p -> on(p, expand(id, version)));
                continue;
            }
            String id = known.get(random.nextInt(known.size()));
            Instant at = T0.plusSeconds(step);
            if (choice < 30) {
                story.add(p -> on(p, approved(id, "dora", random.nextBoolean())));
            } else if (choice < 60) {
                String sum = random.nextInt(10) == 0 ? "e".repeat(64) : checksum(id);
                story.add(p -> on(p, applied(id, env, at, sum, List.of())));
            } else if (choice < 70) {
                story.add(p -> on(p, failed(id, env)));
            } else if (choice < 78) {
                story.add(p -> on(p, rolledBack(id, env)));
            } else if (choice < 82) {
                story.add(p -> on(p, rejected(id)));
            } else if (choice < 87) {
                story.add(p -> on(p, revised(id)));
            } else if (choice < 94) {
                story.add(p -> on(p, imported(id, env, at, random.nextBoolean())));
            } else {
                story.add(p -> on(p, repaired(id, env)));
            }
        }
        return story;
    }

    /** Feeds the events as one processor batch, in a transaction committed or rolled back after the judgement. */
    private void batch(List<Consumer<DriftProjection>> events, boolean rollBack) {
        long first = sequence;
        transactions.executeWithoutResult(status -> {
            UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
            events.forEach(event -> event.accept(projection));
            unit.commit();
            if (rollBack) {
                status.setRollbackOnly();
            }
        });
        if (rollBack) {
            sequence = first;
        }
    }

    private void assertJudgedAsAWhole(String when) {
        List<String> kept = findings();
        transactions.executeWithoutResult(status -> new DriftFindings(database.jdbc()).judge(generation, DB));
        assertThat(kept).as(when).isEqualTo(findings());
    }

    private List<String> findings() {
        return database.jdbc()
                .sql("""
                        select concat_ws(' | ', kind, severity, environment, migration_id, detail, since)
                        from drift_finding where generation = ? and database_name = ? order by ordinal""")
                .params(generation, DB)
                .query(String.class)
                .list();
    }

    private void on(DriftProjection p, Object event) {
        long at = sequence++;
        Instant recorded = T0.plusSeconds(at);
        if (event instanceof MigrationProposed e) {
            p.on(e, at, recorded);
        } else if (event instanceof MigrationApproved e) {
            p.on(e, at, recorded);
        } else if (event instanceof MigrationRejected e) {
            p.on(e, at, recorded);
        } else if (event instanceof MigrationApplied e) {
            p.on(e, at, recorded);
        } else if (event instanceof MigrationApplyFailed e) {
            p.on(e, at, recorded);
        } else if (event instanceof MigrationRolledBack e) {
            p.on(e, at, recorded);
        } else if (event instanceof MigrationRevised e) {
            p.on(e, at);
        } else if (event instanceof MigrationRunImported e) {
            p.on(e, at, recorded);
        } else if (event instanceof MigrationHistoryRepaired e) {
            p.on(e, at, recorded);
        } else {
            throw new IllegalArgumentException("Not a drift event: " + event);
        }
    }

    private static MigrationRevised revised(String id) {
        return new MigrationRevised(
                DB,
                id,
                "alice",
                checksum(id),
                "d".repeat(64),
                "select 2;",
                null,
                "script",
                "typo",
                "expand",
                false,
                true,
                null);
    }

    private static MigrationRunImported imported(String id, String env, Instant at, boolean success) {
        return new MigrationRunImported(
                DB,
                env,
                "flyway",
                id,
                null,
                "imported " + id,
                null,
                "imported:flyway-crc32:" + Math.abs(id.hashCode() % 1000),
                "flyway",
                at,
                5L,
                success,
                true,
                false);
    }

    private static MigrationHistoryRepaired repaired(String id, String env) {
        return new MigrationHistoryRepaired(
                DB,
                env,
                "flyway",
                List.of(new MigrationHistoryRepaired.RepairedEntry(id, null, "repaired", null)),
                List.of(),
                List.of());
    }
}
