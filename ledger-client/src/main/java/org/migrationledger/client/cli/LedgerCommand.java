package org.migrationledger.client.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.migrationledger.client.http.LedgerAnswer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What every command that talks to the ledger shares: the connection options and the output streams. */
abstract class LedgerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LedgerOptions ledger;

    @Option(names = "--quiet", description = "Print only errors and the final result; no progress.")
    boolean quiet;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    ProgressBar progress(String label, int total) {
        return new ProgressBar(err(), label, total, System.console() != null, quiet);
    }

    /** Prints a refusal or error the ledger answered, and returns the exit code it stands for. */
    int problem(String what, LedgerAnswer answer) {
        err().println(what + ": " + answer.status() + " " + answer.problemType() + " — " + answer.problemDetail());
        return ExitCodes.of(answer);
    }
}
