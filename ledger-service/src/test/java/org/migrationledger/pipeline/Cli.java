package org.migrationledger.pipeline;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.migrationledger.LedgerServiceIT;
import org.migrationledger.client.cli.LedgerCli;
import org.migrationledger.testsupport.FreshDatabase;

/** Runs the pipeline client's command line in-process, configured by environment variables as a CI job would be. */
public record Cli(String url) {

    public Result run(String principal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> environment = principal == null
                ? Map.of("LEDGER_URL", url)
                : Map.of("LEDGER_URL", url, "LEDGER_TOKEN", LedgerServiceIT.tokenOf(principal));
        int exit = LedgerCli.run(args, environment, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    /** {@code ledger snapshot} of a real database, as the pipeline principal {@code ci} sends it. */
    Result snapshot(String database, String environment, FreshDatabase target, Path spool) {
        return run(
                "ci",
                "snapshot",
                database,
                environment,
                "--jdbc-url",
                target.jdbcUrl(),
                "--jdbc-user",
                target.user(),
                "--spool-dir",
                spool.toString());
    }

    /** An exit code and what was printed. */
    public record Result(int exit, String out, String err) {

        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
