package org.migrationledger.analysis.empirical;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.migrationledger.analysis.empirical.CatalogChange.Kind;
import org.migrationledger.analysis.empirical.CatalogChange.ObjectType;

/** Compares two catalog snapshots object by object, in name order so reports are stable. */
public final class CatalogDiff {

    private CatalogDiff() {}

    public static List<CatalogChange> between(CatalogSnapshot before, CatalogSnapshot after) {
        List<CatalogChange> changes = new ArrayList<>();
        compare(ObjectType.TABLE, presence(before.tableFiles()), presence(after.tableFiles()), changes);
        compare(ObjectType.COLUMN, before.columns(), after.columns(), changes);
        compare(ObjectType.INDEX, before.indexes(), after.indexes(), changes);
        compare(ObjectType.CONSTRAINT, before.constraints(), after.constraints(), changes);
        compare(ObjectType.ENUM_VALUE, enumLabels(before), enumLabels(after), changes);
        return changes;
    }

    /** Tables that exist on both sides but were given a new file: rewritten (or truncated) by the migration. */
    public static List<String> rewrittenTables(CatalogSnapshot before, CatalogSnapshot after) {
        return new TreeSet<>(before.tableFiles().keySet())
                .stream()
                        .filter(after.tableFiles()::containsKey)
                        .filter(table -> !before.tableFiles()
                                .get(table)
                                .equals(after.tableFiles().get(table)))
                        .toList();
    }

    private static void compare(
            ObjectType type, Map<String, ?> before, Map<String, ?> after, List<CatalogChange> changes) {
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            Object old = before.get(name);
            Object now = after.get(name);
            if (old == null) {
                changes.add(new CatalogChange(Kind.ADDED, type, name, null, now.toString()));
            } else if (now == null) {
                changes.add(new CatalogChange(Kind.REMOVED, type, name, old.toString(), null));
            } else if (!Objects.equals(old, now)) {
                changes.add(new CatalogChange(Kind.CHANGED, type, name, old.toString(), now.toString()));
            }
        }
    }

    /** Relfilenode changes are reported as rewrites, not as table changes. */
    private static Map<String, String> presence(Map<String, Long> tables) {
        return tables.keySet().stream().collect(java.util.stream.Collectors.toMap(t -> t, t -> "table"));
    }

    /**
     * An enum value is identified by type and label ({@code public.mood.'calm'}); its position is left out, so a
     * value added BEFORE another shows as one addition rather than as every later value moving.
     */
    private static Map<String, String> enumLabels(CatalogSnapshot snapshot) {
        Map<String, String> labels = new java.util.HashMap<>();
        snapshot.enumValues()
                .forEach((type, values) -> values.forEach(v -> labels.put(type + ".'" + v + "'", "enum value")));
        return labels;
    }
}
