package org.migrationledger.client.cli;

import org.migrationledger.client.spool.Spool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "flush",
        mixinStandardHelpOptions = true,
        description = {
            "Delivers the reports waiting in the spool, oldest first, each with its original Idempotency-Key.",
            "Exit 0 when the spool is empty afterwards, 3 when the ledger is still unreachable, 1 when the ledger"
                    + " refused some (kept in <spool-dir>/refused for a person)."
        })
final class FlushCommand extends LedgerCommand {

    @Mixin
    SpoolOptions spoolOptions;

    @Override
    public Integer call() {
        Spool spool = spoolOptions.spool();
        int waiting = spool.pending().size();
        if (waiting == 0) {
            out().println("Nothing to flush in " + spool.directory() + ".");
            return ExitCodes.OK;
        }
        ProgressBar progress = progress("Flushing", waiting);
        Spool.FlushResult result = spool.flush(
                ledger.client(), step -> progress.step(step.done(), step.write().summary()));
        out().println("Delivered " + result.sent() + ", refused " + result.refused() + ", still waiting "
                + result.remaining() + " (spool " + spool.directory() + ").");
        if (!result.complete()) {
            err().println("Stopped: " + result.unreachable());
            return ExitCodes.UNREACHABLE;
        }
        return result.refused() > 0 ? ExitCodes.REFUSED : ExitCodes.OK;
    }
}
