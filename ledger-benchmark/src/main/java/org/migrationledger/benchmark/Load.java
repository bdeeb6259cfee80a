package org.migrationledger.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Closed-loop load: {@code clients} threads each repeating one operation back to back until told to stop. */
final class Load implements AutoCloseable {

    /** One client's repeated operation; true when it did what is counted. */
    interface Operation extends AutoCloseable {
        boolean perform() throws Exception;

        @Override
        default void close() throws Exception {}
    }

    /** Makes the operation of client {@code index} (its own connection, its own databases). */
    interface Clients {
        Operation client(int index) throws Exception;
    }

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final ExecutorService threads;
    private final List<Future<?>> workers = new ArrayList<>();
    private final long start = System.nanoTime();

    private Load(int clients, Clients factory) {
        threads = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            int index = i;
            workers.add(threads.submit(() -> work(factory, index)));
        }
    }

    /** Runs the load for {@code seconds} and answers operations per second. */
    static double run(int clients, double seconds, Clients factory) throws Exception {
        try (Load load = start(clients, factory)) {
            Thread.sleep((long) (seconds * 1000));
            return load.stop();
        }
    }

    static Load start(int clients, Clients factory) {
        return new Load(clients, factory);
    }

    /** Stops every client and answers the rate of counted operations since the start. */
    double stop() throws Exception {
        running.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        for (Future<?> worker : workers) {
            worker.get();
        }
        if (failed.get() > 0) {
            System.err.printf("  (%d operations failed)%n", failed.get());
        }
        return done.get() / elapsed;
    }

    private Void work(Clients factory, int index) throws Exception {
        try (Operation operation = factory.client(index)) {
            while (running.get()) {
                if (operation.perform()) {
                    done.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        running.set(false);
        threads.shutdown();
    }
}
