package org.migrationledger.analysis.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.migrationledger.analysis.KnownSchema;
import org.migrationledger.analysis.ScriptTransaction;
import org.migrationledger.analysis.change.AddColumn;
import org.migrationledger.analysis.change.AddEnumValue;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.CreateIndex;
import org.migrationledger.analysis.change.CreateTable;
import org.migrationledger.analysis.change.CreateType;
import org.migrationledger.analysis.change.Names;
import org.migrationledger.analysis.change.RenameType;
import org.migrationledger.analysis.change.SetSetting;

/**
 * What the script has done so far, as rules need it: objects it created (changing those locks nobody out), column
 * types it declared, lock_timeout, enum values it added.
 */
public final class ScriptContext {

    private final ScriptTransaction mode;
    private final KnownSchema knownSchema;
    private final boolean mixesConcurrentWithOthers;
    private final Set<String> createdTables = new HashSet<>();
    private final Map<String, String> createdIndexes = new HashMap<>();
    private final Set<String> createdTypes = new HashSet<>();
    private final Set<String> renamedTypes = new HashSet<>();
    private final Map<String, String> columnTypes = new HashMap<>();
    private final List<AddedEnumValue> addedEnumValues = new ArrayList<>();
    private boolean lockTimeoutSet;
    private boolean lockTimeoutReported;

    public ScriptContext(ScriptTransaction mode, KnownSchema knownSchema, boolean mixesConcurrentWithOthers) {
        this.mode = mode;
        this.knownSchema = knownSchema;
        this.mixesConcurrentWithOthers = mixesConcurrentWithOthers;
    }

    /** An enum value added earlier in the script, and in which transaction unit. */
    public record AddedEnumValue(String type, String value, int statementIndex, int transactionUnit) {}

    public boolean isNewTable(String table) {
        return createdTables.stream().anyMatch(created -> Names.sameRelation(created, table));
    }

    /** Tables and indexes the script created: locking them blocks nobody. */
    public boolean isNewRelation(String relation) {
        return isNewTable(relation)
                || createdIndexes.keySet().stream().anyMatch(index -> Names.sameRelation(index, relation));
    }

    public boolean isNewType(String type) {
        return createdTypes.stream().anyMatch(created -> Names.sameRelation(created, type));
    }

    public boolean wasRenamedType(String type) {
        return renamedTypes.stream().anyMatch(renamed -> Names.sameRelation(renamed, type));
    }

    /** The column's type as the script declared it, else as the caller knew it, else null. */
    public String knownColumnType(String table, String column) {
        String declared = columnTypes.get(table + "." + column);
        return declared != null ? declared : knownSchema.columnType(table, column);
    }

    /** Where a type {@link #knownColumnType} found came from, when it came from outside the script. */
    public Optional<String> knownColumnTypeSource(String table, String column) {
        if (columnTypes.containsKey(table + "." + column) || knownSchema.columnType(table, column) == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(knownSchema.source());
    }

    public boolean runsInTransaction(AnalyzedPart part) {
        return part.explicitTransaction() || mode == ScriptTransaction.WRAPPED_BY_RUNNER || mixesConcurrentWithOthers;
    }

    public List<AddedEnumValue> enumValuesAddedIn(int transactionUnit) {
        return addedEnumValues.stream()
                .filter(added -> added.transactionUnit() == transactionUnit)
                .toList();
    }

    public boolean lockTimeoutSet() {
        return lockTimeoutSet;
    }

    /** missing-lock-timeout speaks once per script, at the first statement that needed the timeout. */
    boolean claimLockTimeoutReport() {
        boolean first = !lockTimeoutReported;
        lockTimeoutReported = true;
        return first;
    }

    public void absorb(Change change, AnalyzedPart part) {
        if (change instanceof CreateTable create) {
            createdTables.add(create.table());
        } else if (change instanceof CreateIndex index && index.name() != null) {
            createdIndexes.put(qualifyLike(index.table(), index.name()), index.table());
        } else if (change instanceof AddColumn column) {
            columnTypes.put(column.table() + "." + column.column(), column.type());
        } else if (change instanceof CreateType type) {
            createdTypes.add(type.type());
        } else if (change instanceof RenameType rename) {
            renamedTypes.add(rename.type());
        } else if (change instanceof AddEnumValue added) {
            addedEnumValues.add(new AddedEnumValue(added.type(), added.value(), part.index(), part.transactionUnit()));
        } else if (change instanceof SetSetting setting && "lock_timeout".equals(setting.name())) {
            lockTimeoutSet = !isZero(setting.value());
        }
    }

    /** An index lives in its table's schema, so DROP INDEX auth.x must match CREATE INDEX x ON auth.t. */
    private static String qualifyLike(String table, String index) {
        int dot = table.lastIndexOf('.');
        return dot < 0 || index.indexOf('.') >= 0 ? index : table.substring(0, dot + 1) + index;
    }

    private static boolean isZero(String value) {
        String bare = value.replace("'", "").trim().toLowerCase(java.util.Locale.ROOT);
        return bare.isEmpty() || bare.equals("0") || bare.equals("default") || bare.matches("0\\s*\\w*");
    }
}
