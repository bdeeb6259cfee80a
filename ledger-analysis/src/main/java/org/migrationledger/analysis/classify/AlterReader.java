package org.migrationledger.analysis.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterExpression.ColumnDataType;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;
import net.sf.jsqlparser.statement.create.table.ExcludeConstraint;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;
import org.migrationledger.analysis.change.AddColumn;
import org.migrationledger.analysis.change.AddConstraint;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.ChangeColumnType;
import org.migrationledger.analysis.change.ConstraintKind;
import org.migrationledger.analysis.change.DropColumn;
import org.migrationledger.analysis.change.DropConstraint;
import org.migrationledger.analysis.change.Names;
import org.migrationledger.analysis.change.RenameColumn;
import org.migrationledger.analysis.change.RenameTable;

/**
 * Maps JSqlParser's ALTER TABLE sub-commands onto changes. Its tree is precise for columns, renames and foreign keys;
 * the sub-commands it only models loosely are read back from their rendered text by the keyword classifier.
 */
final class AlterReader {

    private AlterReader() {}

    static List<Change> read(Alter alter) {
        String table = Names.normalize(alter.getTable().getFullyQualifiedName());
        List<Change> changes = new ArrayList<>();
        for (AlterExpression expression : alter.getAlterExpressions()) {
            List<Change> mapped = map(table, expression);
            changes.addAll(
                    mapped.isEmpty()
                            ? List.of(AlterTableActions.read(table, new Words(expression.toString())))
                            : mapped);
        }
        return changes;
    }

    private static List<Change> map(String table, AlterExpression expression) {
        AlterOperation operation = expression.getOperation();
        if (operation == AlterOperation.ADD && expression.getColDataTypeList() != null) {
            return expression.getColDataTypeList().stream()
                    .map(column -> (Change) addColumn(table, column))
                    .toList();
        }
        if (operation == AlterOperation.ADD && expression.getIndex() != null) {
            return List.of(constraint(table, expression.getIndex()));
        }
        if (operation == AlterOperation.ALTER && isTypeChange(expression)) {
            return expression.getColDataTypeList().stream()
                    .map(column -> typeChange(table, column))
                    .toList();
        }
        if (operation == AlterOperation.DROP && expression.getColumnName() != null) {
            return List.of(new DropColumn(table, Names.normalize(expression.getColumnName())));
        }
        if (operation == AlterOperation.DROP && expression.getConstraintName() != null) {
            return List.of(new DropConstraint(table, Names.normalize(expression.getConstraintName())));
        }
        return renames(table, expression);
    }

    private static List<Change> renames(String table, AlterExpression expression) {
        if (expression.getOperation() == AlterOperation.RENAME_TABLE) {
            return List.of(new RenameTable(table, Names.normalize(expression.getNewTableName())));
        }
        if (expression.getOperation() == AlterOperation.RENAME && expression.getColumnOldName() != null) {
            return List.of(new RenameColumn(
                    table,
                    Names.normalize(expression.getColumnOldName()),
                    Names.normalize(expression.getColumnName())));
        }
        return List.of();
    }

    private static AddConstraint constraint(String table, Index index) {
        String name = index.getName() == null ? null : Names.normalize(index.getName());
        if (index instanceof ForeignKeyIndex foreignKey) {
            String referenced = Names.normalize(foreignKey.getTable().getFullyQualifiedName());
            return new AddConstraint(table, name, ConstraintKind.FOREIGN_KEY, false, false, referenced);
        }
        String type = index.getType() == null ? "" : index.getType().toUpperCase(Locale.ROOT);
        ConstraintKind kind = index instanceof CheckConstraint
                ? ConstraintKind.CHECK
                : type.contains("PRIMARY")
                        ? ConstraintKind.PRIMARY_KEY
                        : type.contains("UNIQUE")
                                ? ConstraintKind.UNIQUE
                                : index instanceof ExcludeConstraint ? ConstraintKind.EXCLUDE : ConstraintKind.OTHER;
        return new AddConstraint(table, name, kind, false, false, null);
    }

    private static Change typeChange(String table, ColumnDataType column) {
        return new ChangeColumnType(
                table,
                Names.normalize(column.getColumnName()),
                Names.normalizeType(column.getColDataType().toString()));
    }

    private static boolean isTypeChange(AlterExpression expression) {
        List<ColumnDataType> columns = expression.getColDataTypeList();
        return columns != null && !columns.isEmpty() && columns.stream().allMatch(ColumnDataType::isWithType);
    }

    private static AddColumn addColumn(String table, ColumnDataType column) {
        List<String> specs = column.getColumnSpecs() == null ? List.of() : column.getColumnSpecs();
        String definition = String.join(" ", specs).toLowerCase(Locale.ROOT);
        String type = Names.normalizeType(column.getColDataType().toString());
        boolean computed = ColumnSpec.isVolatile(type, definition) || definition.contains("generated");
        String referenced = column.getForeignKeyReference() == null
                ? null
                : Names.normalize(column.getForeignKeyReference().getTable().getFullyQualifiedName());
        return new AddColumn(
                table,
                Names.normalize(column.getColumnName()),
                type,
                definition.contains("not null") || definition.contains("primary key"),
                definition.contains("default") || computed,
                computed,
                referenced);
    }
}
