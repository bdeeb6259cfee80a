package org.migrationledger.pipeline;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.migrationledger.LedgerServiceIT;
import org.migrationledger.client.cli.LedgerCli;

/** Runs the pipeline client's command line in-process, configured by environment variables as a CI job would be. */
record Cli(String url) {

    Result run(String principal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> environment = principal == null
                ? Map.of("LEDGER_URL", url)
                : Map.of("LEDGER_URL", url, "LEDGER_TOKEN", LedgerServiceIT.tokenOf(principal));
        int exit = LedgerCli.run(args, environment, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    /** An exit code and what was printed. */
    record Result(int exit, String out, String err) {

        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
