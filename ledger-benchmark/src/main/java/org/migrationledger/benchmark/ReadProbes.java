package org.migrationledger.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The GET endpoints (and the gate, the read a pipeline waits on) asked one after the other by one reader, as a
 * dashboard or a pipeline asks them: p50 and p99 latency and the largest answer.
 */
final class ReadProbes {

    /** One endpoint on one database. */
    record Probe(String name, Supplier<LedgerHttp.Answer> call) {}

    /** What one probe measured; {@code failures} counts answers that were not 2xx, {@code samples} the answers. */
    record Measured(String name, double p50Millis, double p99Millis, long maxBytes, int failures, int samples) {}

    private ReadProbes() {}

    static List<Probe> probes(LedgerHttp http, Pipeline pipeline, Principals tokens, String database, int migrations) {
        String base = "/api/v1/databases/" + database;
        String production = Pipeline.ENVIRONMENTS.get(Pipeline.ENVIRONMENTS.size() - 1);
        String label = " (" + database + ", " + migrations + " migrations)";
        int middle = Math.max(1, migrations / 2);
        return List.of(
                new Probe(
                        "GET versions" + label,
                        () -> http.get(base + "/environments/" + production + "/versions", tokens.pipeline())),
                new Probe("GET compatibility" + label, () -> http.get(base + "/compatibility", tokens.pipeline())),
                new Probe(
                        "GET migration detail" + label,
                        () -> http.get(base + "/migrations/" + Pipeline.migrationId(middle), tokens.pipeline())),
                new Probe("GET drift" + label, () -> http.get(base + "/drift", tokens.pipeline())),
                new Probe(
                        "GET audit page" + label,
                        () -> http.get("/api/v1/audit/events?database=" + database, tokens.auditor())),
                new Probe("POST gate" + label, () -> pipeline.gate(database, production, migrations)));
    }

    /** Asks each probe {@code samples} times, or as often as fits in {@code seconds} when that is fewer. */
    static List<Measured> measure(List<Probe> probes, int samples, double seconds) {
        List<Measured> measured = new ArrayList<>();
        for (Probe probe : probes) {
            probe.call().get();
            double[] asked = new double[samples];
            long maxBytes = 0;
            int failures = 0;
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            int count = 0;
            for (int i = 0; i < samples && (i < 2 || System.nanoTime() < deadline); i++, count++) {
                LedgerHttp.Answer answer = probe.call().get();
                asked[i] = answer.nanos() / 1e6;
                maxBytes = Math.max(maxBytes, answer.body().length);
                failures += answer.ok() ? 0 : 1;
            }
            double[] millis = java.util.Arrays.copyOf(asked, count);
            measured.add(new Measured(
                    probe.name(),
                    Latencies.percentile(millis, 50),
                    Latencies.percentile(millis, 99),
                    maxBytes,
                    failures,
                    count));
        }
        return measured;
    }
}
