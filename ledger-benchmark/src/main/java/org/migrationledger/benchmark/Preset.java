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
        int readSamples) {

    static Preset quick() {
        return new Preset("quick", 3, 4, 32, 20, 10, 99, 100, 30);
    }

    /** 1,000 databases, ~110 k migrations × 6 environments, the largest with 5,000: about 1 M events. */
    static Preset full() {
        return new Preset("full", 5, 15, 64, 100, 105, 998, 5000, 200);
    }

    int databasesAtScale() {
        return copies + 2;
    }

    long migrationsAtScale() {
        return (long) templateMigrations * (copies + 1) + largeMigrations;
    }
}
