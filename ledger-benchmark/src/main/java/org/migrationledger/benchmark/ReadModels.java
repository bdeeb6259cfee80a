package org.migrationledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The service's read models seen from outside: their lag (Prometheus metric) and their blue-green rebuilds. */
final class ReadModels {

    private static final Pattern LAG = Pattern.compile("(?m)^ledger_projection_lag_events\\{[^}]*} ([0-9.Ee+-]+)$");
    private static final String ADMIN = "/api/v1/admin/projections";
    private static final Duration POLL = Duration.ofMillis(50);

    private final LedgerHttp http;
    private final Principals tokens;

    ReadModels(LedgerHttp http, Principals tokens) {
        this.http = http;
        this.tokens = tokens;
    }

    List<String> names() {
        List<String> names = new ArrayList<>();
        http.get(ADMIN, tokens.admin())
                .requireOk("list read models")
                .json()
                .forEach(model -> names.add(model.get("readModel").asText()));
        return names;
    }

    /** Events the serving generations have yet to process, summed over the read models. */
    long totalLag() {
        String metrics = new String(http.getText("/actuator/prometheus", tokens.admin())
                .requireOk("metrics")
                .body());
        Matcher lag = LAG.matcher(metrics);
        long total = 0;
        while (lag.find()) {
            total += (long) Double.parseDouble(lag.group(1));
        }
        return total;
    }

    /**
     * The lag, or -1 when the metrics did not answer in time: a service replaying a million events on a saturated
     * machine may not, and that is no reason to give up the wait.
     */
    private long lagOrUnknown() {
        try {
            return totalLag();
        } catch (java.io.UncheckedIOException e) {
            System.out.println("  (metrics did not answer: " + e.getMessage() + "; waiting on)");
            return -1;
        }
    }

    /** Waits until every read model has processed the whole store; answers the seconds it took. */
    double awaitCaughtUp(Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (lagOrUnknown() != 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Read models still " + totalLag() + " events behind after " + timeout);
            }
            Thread.sleep(POLL.toMillis());
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * A finished rebuild: events read and the seconds until the new generation had read them all.
     *
     * @param difference what the comparison with the old generation found, when it found the two different; null
     */
    record Rebuild(String readModel, long events, double seconds, String difference, boolean cancelled) {
        double eventsPerSecond() {
            return events / seconds;
        }
    }

    /**
     * Rebuilds one read model and times it until its new generation has passed the head of the store as it was when the
     * rebuild started (switching over after that is a comparison, not a replay, and is not counted).
     */
    Rebuild rebuild(String readModel, Duration timeout) throws InterruptedException {
        return rebuild(readModel, timeout, 0);
    }

    /**
     * As {@link #rebuild(String, Duration)}, but when {@code windowSeconds} is positive and the replay lasts longer, its
     * rate so far is taken (events processed over the time) and the rebuild is cancelled.
     */
    Rebuild rebuild(String readModel, Duration timeout, double windowSeconds) throws InterruptedException {
        long start = System.nanoTime();
        JsonNode started = http.post(ADMIN + "/" + readModel + "/rebuilds", tokens.admin(), Map.of())
                .requireOk("rebuild " + readModel)
                .json();
        int generation = started.get("progress").get("generation").asInt();
        long target = targetPosition(started, generation);
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = http.get(ADMIN + "/" + readModel, tokens.admin()).json();
            JsonNode progress = status.get("progress");
            boolean replayed = progress == null || progress.isNull()
                    ? status.get("activeGeneration").asInt() == generation
                    : progress.get("processed").asLong() >= target;
            double seconds = (System.nanoTime() - start) / 1e9;
            if (replayed) {
                return new Rebuild(readModel, target, seconds, awaitSwitched(readModel, generation, deadline), false);
            }
            if (windowSeconds > 0 && seconds > windowSeconds && progress != null && !progress.isNull()) {
                // processed is a global index: the replay starts at the store's first event, so about the events read
                long processed = progress.get("processed").asLong();
                http.delete(ADMIN + "/" + readModel + "/rebuilds", tokens.admin())
                        .requireOk("cancel the rebuild of " + readModel);
                return new Rebuild(readModel, processed, seconds, null, true);
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException("Rebuild of " + readModel + " did not finish in " + timeout);
    }

    /**
     * The comparison and switch after the replay: not timed, but the next rebuild may start only after it. A new
     * generation that differs from the old one waits for an operator; the benchmark switches it by force (it is its
     * own database) and answers the difference, which the report names.
     */
    private String awaitSwitched(String readModel, int generation, long deadline) throws InterruptedException {
        while (System.nanoTime() < deadline) {
            JsonNode status = http.get(ADMIN + "/" + readModel, tokens.admin()).json();
            if (status.get("activeGeneration").asInt() == generation) {
                return null;
            }
            JsonNode built = generation(status, generation);
            JsonNode equal = built.get("equalToActive");
            if ("READY".equals(built.get("state").asText())
                    && equal != null
                    && equal.isBoolean()
                    && !equal.asBoolean()) {
                // A 409 here means it switched or was handled meanwhile; the next poll sees which.
                if (http.post(ADMIN + "/" + readModel + "/switch?force=true", tokens.admin(), Map.of())
                        .ok()) {
                    return built.get("comparison").asText();
                }
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException("Generation " + generation + " of " + readModel + " never switched over");
    }

    private static long targetPosition(JsonNode status, int generation) {
        return generation(status, generation).get("targetPosition").asLong();
    }

    private static JsonNode generation(JsonNode status, int generation) {
        for (JsonNode candidate : status.get("generations")) {
            if (candidate.get("generation").asInt() == generation) {
                return candidate;
            }
        }
        throw new IllegalStateException("Generation " + generation + " is not listed: " + status);
    }
}
