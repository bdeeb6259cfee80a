package org.migrationledger.client.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Map;
import org.migrationledger.client.http.LedgerUnreachableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

@Command(
        name = "ledger",
        mixinStandardHelpOptions = true,
        description = {
            "Reports migrations to the Migration Ledger and asks its gate.",
            "",
            "Configure once per job: LEDGER_URL, LEDGER_TOKEN, LEDGER_RUN_URL (and FLYWAY_URL, FLYWAY_USER,"
                    + " FLYWAY_PASSWORD for commands that read a database).",
            ""
        },
        footer = {
            "",
            "Exit codes: 0 ok; 1 gate refused, decision refused or fact recorded with policy violations;"
                    + " 2 usage or input error; 3 ledger unreachable or server error."
        },
        subcommands = {
            RegisterCommand.class,
            ProposeCommand.class,
            ApproveCommand.class,
            ReviseCommand.class,
            WithdrawCommand.class,
            SupersedeCommand.class,
            GateCommand.class,
            RecordApplyCommand.class,
            RecordRollbackCommand.class,
            SnapshotCommand.class,
            ImportCommand.class,
            AnalyzeCommand.class,
            FlushCommand.class,
            VerifyCommand.class,
            StatusCommand.class
        })
public final class LedgerCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(args, System.getenv(), out, err));
    }

    /** Runs one command line in-process with the given environment variables; returns the exit code. */
    public static int run(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new LedgerCli());
        cli.getCommandSpec().versionProvider(new ServiceVersion(environment));
        cli.setOut(out);
        cli.setErr(err);
        cli.setDefaultValueProvider(new EnvironmentDefaults(environment));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(new Failures());
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a command; see --help.");
    }

    /** Turns what went wrong into a message and an exit code, never a stack trace. */
    private static final class Failures implements IExecutionExceptionHandler {

        @Override
        public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
            PrintWriter err = command.getErr();
            if (e instanceof LedgerUnreachableException) {
                err.println(e.getMessage());
                return ExitCodes.UNREACHABLE;
            }
            if (e instanceof IllegalArgumentException
                    || e instanceof IllegalStateException
                    || e instanceof UncheckedIOException
                    || e instanceof SQLException) {
                err.println(command.getCommandName() + ": " + e.getMessage());
                return ExitCodes.USAGE;
            }
            err.println(command.getCommandName() + " failed: " + e);
            return ExitCodes.USAGE;
        }
    }
}
