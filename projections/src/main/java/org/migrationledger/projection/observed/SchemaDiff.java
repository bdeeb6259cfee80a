package org.migrationledger.projection.observed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.migrationledger.api.events.SchemaSnapshotObserved.Column;
import org.migrationledger.api.events.SchemaSnapshotObserved.Constraint;
import org.migrationledger.api.events.SchemaSnapshotObserved.EnumType;
import org.migrationledger.api.events.SchemaSnapshotObserved.Index;
import org.migrationledger.api.events.SchemaSnapshotObserved.Schema;
import org.migrationledger.api.events.SchemaSnapshotObserved.Table;
import org.migrationledger.api.queries.SchemaDifferenceView;

/**
 * Compares a reference schema with another, object by object, and marks what breaks code written for the reference
 * (the seeds' definitions): a removed table, column or enum value, a changed type, a column that became NOT NULL or
 * lost the default its inserts relied on, a new NOT NULL column without default, and a new constraint or unique index
 * (both may refuse writes the reference accepts). Pure: no I/O.
 */
final class SchemaDiff {

    private final List<SchemaDifferenceView> differences = new ArrayList<>();

    private SchemaDiff() {}

    static List<SchemaDifferenceView> between(Schema reference, Schema compared) {
        SchemaDiff diff = new SchemaDiff();
        diff.tables(
                byName(reference.tables(), SchemaDiff::tableName), byName(compared.tables(), SchemaDiff::tableName));
        diff.enums(
                byName(reference.enums(), e -> e.schema() + "." + e.name()),
                byName(compared.enums(), e -> e.schema() + "." + e.name()));
        return List.copyOf(diff.differences);
    }

    private void tables(Map<String, Table> reference, Map<String, Table> compared) {
        for (String name : union(reference, compared)) {
            Table before = reference.get(name);
            Table after = compared.get(name);
            if (after == null) {
                add("TABLE", name, "REMOVED", "table", null, true, "table " + name + " is missing");
            } else if (before == null) {
                add("TABLE", name, "ADDED", null, "table", false, "table " + name + " is extra");
            } else {
                columns(name, before, after);
                indexes(name, before, after);
                constraints(name, before, after);
            }
        }
    }

    private void columns(String table, Table reference, Table compared) {
        Map<String, Column> before = byName(reference.columns(), Column::name);
        Map<String, Column> after = byName(compared.columns(), Column::name);
        for (String column : union(before, after)) {
            String name = table + "." + column;
            Column was = before.get(column);
            Column is = after.get(column);
            if (is == null) {
                add("COLUMN", name, "REMOVED", describe(was), null, true, "column " + name + " is missing");
            } else if (was == null) {
                boolean breaking = !is.nullable() && is.defaultValue() == null;
                add(
                        "COLUMN",
                        name,
                        "ADDED",
                        null,
                        describe(is),
                        breaking,
                        "column " + name + " (" + describe(is) + ") is extra"
                                + (breaking ? "; inserts that leave it out fail" : ""));
            } else if (!was.equals(is)) {
                boolean breaking = !was.type().equals(is.type())
                        || (was.nullable() && !is.nullable())
                        || (!is.nullable() && was.defaultValue() != null && is.defaultValue() == null);
                add(
                        "COLUMN",
                        name,
                        "CHANGED",
                        describe(was),
                        describe(is),
                        breaking,
                        "column " + name + " is " + describe(is) + " instead of " + describe(was));
            }
        }
    }

    private void indexes(String table, Table reference, Table compared) {
        Map<String, Index> before = byName(reference.indexes(), Index::name);
        Map<String, Index> after = byName(compared.indexes(), Index::name);
        for (String index : union(before, after)) {
            String name = table + " index " + index;
            Index was = before.get(index);
            Index is = after.get(index);
            if (is == null) {
                add(
                        "INDEX",
                        name,
                        "REMOVED",
                        was.definition(),
                        null,
                        false,
                        "index " + index + " on " + table + " is missing (" + was.definition() + ")");
            } else if (was == null) {
                add(
                        "INDEX",
                        name,
                        "ADDED",
                        null,
                        is.definition(),
                        is.unique(),
                        "index " + index + " on " + table + " is extra (" + is.definition() + ")"
                                + (is.unique() ? "; it refuses duplicates" : ""));
            } else if (!was.equals(is)) {
                boolean breaking = is.unique() && !was.unique();
                add(
                        "INDEX",
                        name,
                        "CHANGED",
                        was.definition(),
                        is.definition(),
                        breaking,
                        "index " + index + " on " + table + " is " + is.definition() + " instead of "
                                + was.definition());
            }
        }
    }

    private void constraints(String table, Table reference, Table compared) {
        Map<String, Constraint> before = byName(reference.constraints(), Constraint::name);
        Map<String, Constraint> after = byName(compared.constraints(), Constraint::name);
        for (String constraint : union(before, after)) {
            String name = table + " constraint " + constraint;
            Constraint was = before.get(constraint);
            Constraint is = after.get(constraint);
            if (is == null) {
                add(
                        "CONSTRAINT",
                        name,
                        "REMOVED",
                        was.definition(),
                        null,
                        false,
                        was.type().toLowerCase() + " constraint " + constraint + " on " + table + " is missing ("
                                + was.definition() + ")");
            } else if (was == null) {
                add(
                        "CONSTRAINT",
                        name,
                        "ADDED",
                        null,
                        is.definition(),
                        true,
                        is.type().toLowerCase() + " constraint " + constraint + " on " + table + " is extra ("
                                + is.definition() + ")");
            } else if (!was.equals(is)) {
                add(
                        "CONSTRAINT",
                        name,
                        "CHANGED",
                        was.definition(),
                        is.definition(),
                        true,
                        "constraint " + constraint + " on " + table + " is " + is.definition() + " instead of "
                                + was.definition());
            }
        }
    }

    private void enums(Map<String, EnumType> reference, Map<String, EnumType> compared) {
        for (String name : union(reference, compared)) {
            EnumType was = reference.get(name);
            EnumType is = compared.get(name);
            if (is == null) {
                add("ENUM", name, "REMOVED", values(was), null, true, "enum " + name + " is missing");
            } else if (was == null) {
                add("ENUM", name, "ADDED", null, values(is), false, "enum " + name + " is extra");
            } else if (!was.values().equals(is.values())) {
                List<String> removed = was.values().stream()
                        .filter(v -> !is.values().contains(v))
                        .toList();
                List<String> added = is.values().stream()
                        .filter(v -> !was.values().contains(v))
                        .toList();
                String detail = "enum " + name + (added.isEmpty() ? "" : " has extra value(s) " + added)
                        + (added.isEmpty() || removed.isEmpty() ? "" : " and")
                        + (removed.isEmpty() ? "" : " lacks value(s) " + removed)
                        + (added.isEmpty() && removed.isEmpty() ? " orders its values differently" : "");
                add("ENUM", name, "CHANGED", values(was), values(is), !removed.isEmpty(), detail);
            }
        }
    }

    private void add(String type, String name, String change, String from, String to, boolean breaking, String detail) {
        differences.add(new SchemaDifferenceView(type, name, change, from, to, breaking, detail));
    }

    private static String describe(Column column) {
        return column.type()
                + (column.nullable() ? "" : " NOT NULL")
                + (column.defaultValue() == null ? "" : " DEFAULT " + column.defaultValue());
    }

    private static String values(EnumType type) {
        return type.values().stream().map(v -> "'" + v + "'").collect(Collectors.joining(", ", "(", ")"));
    }

    private static String tableName(Table table) {
        return table.schema() + "." + table.name();
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> map = new TreeMap<>();
        items.forEach(item -> map.put(name.apply(item), item));
        return map;
    }

    private static TreeSet<String> union(Map<String, ?> left, Map<String, ?> right) {
        TreeSet<String> names = new TreeSet<>(left.keySet());
        names.addAll(right.keySet());
        names.removeIf(Objects::isNull);
        return names;
    }
}
