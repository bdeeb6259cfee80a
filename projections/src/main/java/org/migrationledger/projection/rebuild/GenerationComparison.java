package org.migrationledger.projection.rebuild;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Compares two generations of a read model row by row (every column but {@code generation}), inside one
 * repeatable-read snapshot in which no event beyond {@code head} exists. The caller first makes sure both processors
 * have processed everything up to {@code head}, so the snapshot holds exactly the rows both derived from the same
 * events; if an event arrived meanwhile, the comparison is not made and is tried again later.
 */
@Component
class GenerationComparison {

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;

    GenerationComparison(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    Optional<Result> compare(ReadModel readModel, int older, int newer, long head) {
        return snapshot.execute(status -> {
            // The event store's table (ledger-service V001); read inside the snapshot on purpose.
            Long snapshotHead = jdbc.sql("select max(global_index) from domain_event_entry")
                    .query(Long.class)
                    .optional()
                    .orElse(null);
            if (!Objects.equals(snapshotHead == null ? -1L : snapshotHead, head)) {
                return Optional.<Result>empty();
            }
            List<TableResult> tables = new ArrayList<>();
            for (String table : readModel.tables()) {
                tables.add(compareTable(table, older, newer));
            }
            return Optional.of(new Result(older, newer, head, tables));
        });
    }

    private TableResult compareTable(String table, int older, int newer) {
        String onlyIn = """
                select count(*) from (
                    select to_jsonb(t) - 'generation' from %1$s t where generation = %2$d
                    except all
                    select to_jsonb(t) - 'generation' from %1$s t where generation = %3$d) d""";
        String rows = "select count(*) from %s where generation = %d";
        long onlyOlder = count(onlyIn.formatted(table, older, newer));
        long onlyNewer = count(onlyIn.formatted(table, newer, older));
        long olderRows = count(rows.formatted(table, older));
        long newerRows = count(rows.formatted(table, newer));
        return new TableResult(table, olderRows, newerRows, onlyOlder, onlyNewer);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    record Result(int older, int newer, long head, List<TableResult> tables) {

        ComparisonVerdict verdict() {
            boolean equal = tables.stream().allMatch(TableResult::equal);
            StringBuilder text = new StringBuilder("Generations %d and %d are %s at position %d:"
                    .formatted(older, newer, equal ? "equal" : "different", head));
            tables.forEach(t -> text.append(' ').append(t.describe()).append(';'));
            return new ComparisonVerdict(equal, text.toString());
        }
    }

    record TableResult(String table, long olderRows, long newerRows, long onlyInOlder, long onlyInNewer) {

        boolean equal() {
            return onlyInOlder == 0 && onlyInNewer == 0;
        }

        String describe() {
            return "%s %d/%d rows, %d only in the old, %d only in the new"
                    .formatted(table, olderRows, newerRows, onlyInOlder, onlyInNewer);
        }
    }
}
