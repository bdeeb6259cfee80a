package org.migrationledger.benchmark;

/**
 * The size of a run.
 *
 * @param rounds interleaved rounds of every intake figure (raw and service alternate), reported as medians
 * @param phaseSeconds length of one load phase
 * @param intakeDatabases databases the many-database intake phases spread over
 * @param intakeMigrations approved migrations per intake database
 * @param templateMigrations migrations of the template database, delivered through the service and then copied
 * @param copies copies of the template (the databases of the history at scale)
 * @param largeMigrations migrations of the largest database, delivered through the service
 * @param readSamples requests per GET endpoint and load condition
 * @param probeSeconds the most time one GET endpoint is asked for under one load condition (fewer samples then)
 * @param rebuildSeconds how long a rebuild is watched before its rate is taken and it is cancelled; 0: to the end
 * @param upcastingRounds rebuilds of each side of the upcasting comparison (the median is reported)
 */
record Preset(
        String name,
        int rounds,
        double phaseSeconds,
        int intakeDatabases,
        int intakeMigrations,
        int templateMigrations,
        int copies,
        int largeMigrations,
        int readSamples,
        double probeSeconds,
        double rebuildSeconds,
        int upcastingRounds) {

    static Preset quick() {
        return new Preset("quick", 3, 4, 32, 20, 10, 99, 100, 30, 30, 0, 3);
    }

    /**
     * 1,000 databases, ~110 k migrations × 6 environments, the largest with 5,000: about 1 M events. Rebuilds are
     * watched for 90 s each (a rate, not a full replay: full replays of 1 M events by every read model would take
     * hours on this machine); intake uses as many databases as the quick run, with longer phases.
     */
    static Preset full() {
        return new Preset("full", 3, 10, 32, 40, 105, 998, 5000, 200, 20, 90, 1);
    }

    Preset withLargeMigrations(int migrations) {
        return new Preset(
                name,
                rounds,
                phaseSeconds,
                intakeDatabases,
                intakeMigrations,
                templateMigrations,
                copies,
                migrations,
                readSamples,
                probeSeconds,
                rebuildSeconds,
                upcastingRounds);
    }

    int databasesAtScale() {
        return copies + 2;
    }

    long migrationsAtScale() {
        return (long) templateMigrations * (copies + 1) + largeMigrations;
    }
}
