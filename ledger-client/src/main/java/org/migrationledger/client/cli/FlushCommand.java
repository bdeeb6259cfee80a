package org.migrationledger.client.cli;

import java.util.List;
import org.migrationledger.client.spool.RefusedReports;
import org.migrationledger.client.spool.Spool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "flush",
        mixinStandardHelpOptions = true,
        description = {
            "Delivers the reports waiting in the spool, oldest first, each with its original Idempotency-Key.",
            "With --refused, first sends again the reports the ledger refused (kept in <spool-dir>/refused), each"
                    + " shown with the reason it was refused: after a wrong token, role, database or environment is"
                    + " fixed, they are recorded as if nothing had happened.",
            "A spool file that cannot be read (corrupt, or half-written by a process that died) is moved to"
                    + " <spool-dir>/corrupt, named on stderr and never sent or deleted.",
            "Exit 0 when the spool is empty afterwards, 3 when the ledger is still unreachable, 1 when the ledger"
                    + " refused some (kept in <spool-dir>/refused for a person) or some were unreadable."
        })
final class FlushCommand extends LedgerCommand {

    @Mixin
    SpoolOptions spoolOptions;

    @Option(
            names = "--refused",
            description = "Also send again the reports the ledger refused earlier, showing why each was refused.")
    boolean refused;

    @Override
    public Integer call() {
        Spool spool = spoolOptions.spool();
        Spool.FlushResult replayed = refused ? replayRefused(spool) : new Spool.FlushResult(0, 0, 0, null);
        if (!replayed.complete()) {
            err().println("Stopped: " + replayed.unreachable());
            return ExitCodes.UNREACHABLE;
        }
        int waiting = spool.pending().size();
        if (waiting == 0) {
            out().println("Nothing " + (refused ? "else " : "") + "to flush in " + spool.directory() + "."
                    + refusedHint(spool));
            return replayed.refused() > 0 ? ExitCodes.REFUSED : ExitCodes.OK;
        }
        ProgressBar progress = progress("Flushing", waiting);
        Spool.FlushResult result = spool.flush(
                ledger.client(), step -> progress.step(step.done(), step.write().summary()));
        out().println("Delivered " + result.sent() + ", refused " + result.refused() + ", still waiting "
                + result.remaining() + " (spool " + spool.directory() + ")." + refusedHint(spool));
        if (!result.corrupt().isEmpty()) {
            err().println("Set aside " + result.corrupt().size() + " unreadable spool file(s), not sent, kept in "
                    + spool.directory().resolve(Spool.CORRUPT) + ": "
                    + String.join(
                            ", ",
                            result.corrupt().stream()
                                    .map(file -> file.getFileName().toString())
                                    .toList())
                    + ". Check what they held and report those facts again.");
        }
        if (!result.complete()) {
            err().println("Stopped: " + result.unreachable());
            return ExitCodes.UNREACHABLE;
        }
        return result.refused() + replayed.refused() + result.corrupt().size() > 0 ? ExitCodes.REFUSED : ExitCodes.OK;
    }

    private Spool.FlushResult replayRefused(Spool spool) {
        RefusedReports reports = new RefusedReports(spool);
        List<RefusedReports.Refused> refusedReports = reports.list();
        if (refusedReports.isEmpty()) {
            out().println("No refused reports in " + spool.directory().resolve(Spool.REFUSED) + ".");
            return new Spool.FlushResult(0, 0, 0, null);
        }
        refusedReports.forEach(report -> out().println("Refused earlier: "
                + report.write().summary() + " (" + report.status() + ": " + report.reason() + ")"));
        Spool.FlushResult result = reports.replay(ledger.client(), step -> {
            if (!step.answer().succeeded()) {
                out().println("Refused again: " + step.write().summary() + " ("
                        + step.answer().status() + ": " + step.answer().problemDetail() + ")");
            }
        });
        out().println("Sent again " + refusedReports.size() + " refused report(s): delivered " + result.sent()
                + ", refused again " + result.refused() + ".");
        return result;
    }

    private String refusedHint(Spool spool) {
        int kept = new RefusedReports(spool).list().size();
        return refused || kept == 0
                ? ""
                : " " + kept + " refused report(s) are kept in "
                        + spool.directory().resolve(Spool.REFUSED)
                        + "; after fixing the cause, `ledger flush --refused` sends them again.";
    }
}
