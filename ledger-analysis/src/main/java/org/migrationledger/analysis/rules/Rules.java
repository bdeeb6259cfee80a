package org.migrationledger.analysis.rules;

import java.util.List;
import org.migrationledger.analysis.change.WriteRows;

/** Every rule, in the order their findings are reported for one change. */
public final class Rules {

    private static final List<Rule> ALL = List.of(
            new DropTableRule(),
            new DropColumnRule(),
            new RenameTableRule(),
            new RenameColumnRule(),
            new ChangeColumnTypeRule(),
            new AddNotNullColumnRule(),
            new AddColumnVolatileDefaultRule(),
            new SetNotNullRule(),
            new AddConstraintWithoutNotValidRule(),
            new AddForeignKeyRule(),
            new AddUniqueConstraintRule(),
            new CreateIndexRule(),
            new DropIndexRule(),
            new ConcurrentlyInTransactionRule(),
            new EnumAddValueRule(),
            new EnumRenameValueRule(),
            new EnumRemoveValueRule(),
            new DropTypeRule(),
            new RenameTypeRule(),
            new UnboundedWriteRule(WriteRows.Kind.UPDATE),
            new UnboundedWriteRule(WriteRows.Kind.DELETE),
            new TruncateRule(),
            new MissingLockTimeoutRule());

    private Rules() {}

    public static List<Rule> all() {
        return ALL;
    }
}
