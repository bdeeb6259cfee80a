package org.migrationledger.analysis.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.SetStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterType;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.type.EnumTypeDefinition;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;
import org.migrationledger.analysis.change.AddEnumValue;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.CreateIndex;
import org.migrationledger.analysis.change.CreateTable;
import org.migrationledger.analysis.change.CreateType;
import org.migrationledger.analysis.change.Names;
import org.migrationledger.analysis.change.RenameEnumValue;
import org.migrationledger.analysis.change.RenameType;
import org.migrationledger.analysis.change.SetSetting;
import org.migrationledger.analysis.change.WriteRows;

/**
 * Maps a statement JSqlParser understood onto changes. Statements whose tree carries nothing a rule needs (COMMENT,
 * GRANT, CREATE FUNCTION, ...) are labelled by the keyword classifier, which is exact for their leading words.
 */
final class JsqlChangeReader {

    private JsqlChangeReader() {}

    static List<Change> read(Statement statement, String text) {
        List<Change> schema = schemaChanges(statement, text);
        if (!schema.isEmpty()) {
            return schema;
        }
        List<Change> rows = rowChanges(statement, text);
        if (!rows.isEmpty()) {
            return rows;
        }
        return statement instanceof SetStatement set && set.getName() != null
                ? List.of(setting(set))
                : KeywordChangeReader.read(text);
    }

    private static List<Change> schemaChanges(Statement statement, String text) {
        if (statement instanceof net.sf.jsqlparser.statement.create.table.CreateTable create) {
            return List.of(createTable(create));
        }
        if (statement instanceof Alter alter) {
            return AlterReader.read(alter);
        }
        if (statement instanceof net.sf.jsqlparser.statement.create.index.CreateIndex index) {
            return List.of(createIndex(index));
        }
        if (statement instanceof Drop drop && isDropOf(drop, "TABLE", "INDEX", "TYPE")) {
            return DropWords.read(dropWords(text));
        }
        if (statement instanceof AlterType alterType) {
            return List.of(alterType(alterType, text));
        }
        if (statement instanceof net.sf.jsqlparser.statement.create.type.CreateType type) {
            return List.of(createType(type));
        }
        return List.of();
    }

    private static List<Change> rowChanges(Statement statement, String text) {
        if (statement instanceof Update update) {
            return List.of(new WriteRows(WriteRows.Kind.UPDATE, name(update.getTable()), update.getWhere() != null));
        }
        if (statement instanceof Delete delete) {
            String table = name(delete.getTable());
            return List.of(
                    DmlWords.isPgEnum(table)
                            ? DmlWords.removeEnumValue(text)
                            : new WriteRows(WriteRows.Kind.DELETE, table, delete.getWhere() != null));
        }
        if (statement instanceof Insert insert) {
            return List.of(new WriteRows(WriteRows.Kind.INSERT, name(insert.getTable()), true));
        }
        if (statement instanceof Truncate truncate) {
            List<Table> tables = truncate.getTables() == null ? List.of(truncate.getTable()) : truncate.getTables();
            return tables.stream()
                    .map(t -> (Change) new org.migrationledger.analysis.change.Truncate(name(t)))
                    .toList();
        }
        return List.of();
    }

    private static SetSetting setting(SetStatement set) {
        String value = set.getExpressions() == null
                ? ""
                : set.getExpressions().stream().map(Objects::toString).collect(Collectors.joining(", "));
        return new SetSetting(Names.normalize(set.getName().toString()), value);
    }

    private static CreateIndex createIndex(net.sf.jsqlparser.statement.create.index.CreateIndex index) {
        boolean unique = "UNIQUE".equalsIgnoreCase(index.getIndex().getType());
        String name = index.getIndex().getName() == null
                ? null
                : Names.normalize(index.getIndex().getName());
        return new CreateIndex(name(index.getTable()), name, unique, index.isConcurrently());
    }

    private static CreateType createType(net.sf.jsqlparser.statement.create.type.CreateType type) {
        List<String> labels = type.getDefinition() instanceof EnumTypeDefinition enumType
                ? enumType.getLabels().stream().map(StringValue::getValue).toList()
                : List.of();
        return new CreateType(Names.normalize(type.getName()), labels);
    }

    private static CreateTable createTable(net.sf.jsqlparser.statement.create.table.CreateTable create) {
        List<String> referenced = new ArrayList<>();
        if (create.getColumnDefinitions() != null) {
            create.getColumnDefinitions().stream()
                    .filter(column -> column.getForeignKeyReference() != null)
                    .forEach(column ->
                            referenced.add(name(column.getForeignKeyReference().getTable())));
        }
        if (create.getIndexes() != null) {
            create.getIndexes().stream()
                    .filter(ForeignKeyIndex.class::isInstance)
                    .forEach(index -> referenced.add(name(((ForeignKeyIndex) index).getTable())));
        }
        return new CreateTable(name(create.getTable()), referenced);
    }

    private static Change alterType(AlterType alterType, String text) {
        String type = Names.normalize(alterType.getName());
        return switch (alterType.getAction()) {
            case ADD_VALUE -> new AddEnumValue(type, alterType.getValue().getValue());
            case RENAME_VALUE ->
                new RenameEnumValue(
                        type,
                        alterType.getValue().getValue(),
                        alterType.getNewValue().getValue());
            case RENAME -> new RenameType(type, Names.normalize(alterType.getNewName()));
            default -> KeywordChangeReader.read(text).get(0);
        };
    }

    /** JSqlParser drops CONCURRENTLY and list details from DROP, so the names are re-read from the words. */
    private static Words dropWords(String text) {
        Words words = new Words(text);
        words.accept("drop");
        return words;
    }

    private static boolean isDropOf(Drop drop, String... types) {
        return List.of(types)
                .contains(drop.getType() == null ? "" : drop.getType().toUpperCase(java.util.Locale.ROOT));
    }

    private static String name(Table table) {
        return Names.normalize(table.getFullyQualifiedName());
    }
}
