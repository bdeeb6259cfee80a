package org.migrationledger.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.migrationledger.client.http.LedgerAnswer;
import org.migrationledger.client.http.LedgerWrite;
import org.migrationledger.client.spool.Delivery;
import picocli.CommandLine.Mixin;

/** A report of a fact: delivered in order behind any spooled ones, spooled when the ledger is unreachable. */
abstract class FactCommand extends LedgerCommand {

    @Mixin
    SpoolOptions spool;

    int report(LedgerWrite write) {
        Delivery.Outcome outcome = spool.delivery(ledger.client()).deliver(write);
        if (outcome.spooled()) {
            err().println("SPOOLED " + write.summary() + ": the ledger is unreachable; kept in " + outcome.spooledTo()
                    + " until 'ledger flush' or the next report delivers it.");
            return ExitCodes.OK;
        }
        LedgerAnswer answer = outcome.answer();
        if (!answer.succeeded()) {
            return problem("Recording '" + write.summary() + "' failed", answer);
        }
        return recorded(answer, write);
    }

    /** Prints what the ledger recorded; exit 1 when it recorded policy violations with the fact. */
    int recorded(LedgerAnswer answer, LedgerWrite write) {
        JsonNode violations = answer.body().path("violations");
        if (violations.isEmpty()) {
            out().println("RECORDED " + write.summary() + " (within policy)");
            return ExitCodes.OK;
        }
        out().println("RECORDED " + write.summary() + " with policy violations:");
        violations.forEach(v -> out().println(
                        "  " + v.path("code").asText() + ": " + v.path("detail").asText()));
        return ExitCodes.REFUSED;
    }
}
