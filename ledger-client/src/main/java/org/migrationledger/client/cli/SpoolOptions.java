package org.migrationledger.client.cli;

import java.nio.file.Path;
import org.migrationledger.client.http.LedgerClient;
import org.migrationledger.client.spool.Delivery;
import org.migrationledger.client.spool.OnUnreachable;
import org.migrationledger.client.spool.Spool;
import picocli.CommandLine.Option;

/** Where reports wait while the ledger is unreachable, and whether they may wait at all. */
final class SpoolOptions {

    @Option(
            names = "--spool-dir",
            defaultValue = "ledger-spool",
            description = "Where undelivered reports wait (env LEDGER_SPOOL_DIR; default ${DEFAULT-VALUE}).")
    Path directory;

    @Option(
            names = "--on-unreachable",
            defaultValue = "SPOOL",
            description = "SPOOL: keep the report and exit 0 with a warning; 'ledger flush' or the next report delivers"
                    + " it. FAIL: exit 3. (default ${DEFAULT-VALUE})")
    OnUnreachable onUnreachable;

    Spool spool() {
        return new Spool(directory);
    }

    Delivery delivery(LedgerClient client) {
        return new Delivery(client, spool(), onUnreachable);
    }
}
