package org.migrationledger.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pipelines reporting applies: databases with approved migrations, each walked migration by migration along the
 * promotion path. A client owns the databases whose index it is modulo the client count, as one pipeline owns its
 * service's database; on one database all clients share its walk. When a walk reaches its end it starts again, and
 * those applies are recorded as repeats (a fact with a policy violation); {@link #firstTimeShare()} reports how many
 * were not.
 */
final class ApplyWorkload {

    private final Pipeline pipeline;
    private final List<String> databases;
    private final int migrations;
    private final List<AtomicLong> cursors = new ArrayList<>();

    private ApplyWorkload(Pipeline pipeline, List<String> databases, int migrations) {
        this.pipeline = pipeline;
        this.databases = databases;
        this.migrations = migrations;
        databases.forEach(database -> cursors.add(new AtomicLong()));
    }

    /** Registers the databases and proposes and approves their migrations, {@code parallel} pipelines at a time. */
    static ApplyWorkload provision(Pipeline pipeline, List<String> databases, int migrations, int parallel)
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<?>> provisioned = new ArrayList<>();
            for (String database : databases) {
                provisioned.add(threads.submit(() -> {
                    pipeline.register(database);
                    for (int n = 1; n <= migrations; n++) {
                        pipeline.proposeAndApprove(database, n);
                    }
                    return null;
                }));
            }
            for (Future<?> done : provisioned) {
                done.get();
            }
        } finally {
            threads.shutdown();
        }
        return new ApplyWorkload(pipeline, databases, migrations);
    }

    /** The clients of a load phase; each HTTP call is one apply. */
    Load.Clients clients(int clientCount, boolean idempotent) {
        return index -> {
            List<Integer> owned = new ArrayList<>();
            for (int d = index % databases.size(); d < databases.size(); d += clientCount) {
                owned.add(d);
            }
            int[] turn = {0};
            return () -> {
                int database = owned.get(turn[0]++ % owned.size());
                long step = cursors.get(database).getAndIncrement();
                int n = (int) (step / Pipeline.ENVIRONMENTS.size() % migrations) + 1;
                String environment = Pipeline.ENVIRONMENTS.get((int) (step % Pipeline.ENVIRONMENTS.size()));
                return pipeline.apply(databases.get(database), environment, n, idempotent)
                        .ok();
            };
        };
    }

    /** Share of the applies sent so far that recorded a migration in an environment for the first time. */
    double firstTimeShare() {
        long walk = (long) migrations * Pipeline.ENVIRONMENTS.size();
        long sent = cursors.stream().mapToLong(AtomicLong::get).sum();
        long first = cursors.stream()
                .mapToLong(cursor -> Math.min(walk, cursor.get()))
                .sum();
        return sent == 0 ? 1 : (double) first / sent;
    }
}
