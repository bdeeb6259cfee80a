package org.migrationledger.client.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.migrationledger.analysis.empirical.CatalogChange;
import org.migrationledger.analysis.empirical.EmpiricalAnalyzer;
import org.migrationledger.analysis.empirical.EmpiricalReport;
import org.migrationledger.analysis.empirical.HeldLock;
import org.migrationledger.analysis.empirical.StatementOutcome;
import org.migrationledger.client.migrations.Migration;
import org.migrationledger.client.migrations.MigrationDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        description = {
            "Analyses a migration empirically on a DISPOSABLE PostgreSQL (a pipeline's CI database, never the"
                    + " ledger's): runs it in a transaction, diffs the catalog, reads the locks it took, rolls back.",
            "Exit 0 when every statement ran, 1 when one failed."
        })
final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The up script to analyse.")
    Path file;

    @Mixin
    TargetDatabaseOptions target;

    @Option(names = "--dialect", defaultValue = "postgres", description = "The dialect of the file's name.")
    String dialect;

    @Override
    public Integer call() {
        Migration migration =
                MigrationDirectory.read(file, dialect).migrations().get(0);
        EmpiricalReport report =
                new EmpiricalAnalyzer(target.jdbcUrl, target.user, target.password).analyze(migration.upScript());
        var out = spec.commandLine().getOut();
        out.println(migration.migrationId() + " on " + report.database() + " (PostgreSQL " + report.serverVersion()
                + "), rolled back: " + report.rolledBack());
        for (StatementOutcome statement : report.statements()) {
            out.println("  statement " + statement.index() + ": " + statement.status()
                    + (statement.detail() == null ? "" : " — " + statement.detail()));
        }
        for (CatalogChange change : report.catalogChanges()) {
            out.println("  " + change.kind() + " " + change.objectType() + " " + change.name()
                    + (change.before() == null ? "" : " was: " + change.before())
                    + (change.after() == null ? "" : " now: " + change.after()));
        }
        report.rewrittenTables().forEach(table -> out.println("  rewrote: " + table));
        for (HeldLock lock : report.locks()) {
            out.println("  lock " + lock.mode().modeName() + " on " + lock.relation()
                    + (lock.preExisting() ? "" : " (created by the migration)"));
        }
        out.println("  strongest lock on existing relations: "
                + report.lockRisk().strongestLock() + " " + report.lockRisk().tables());
        return report.succeeded() ? ExitCodes.OK : ExitCodes.REFUSED;
    }
}
