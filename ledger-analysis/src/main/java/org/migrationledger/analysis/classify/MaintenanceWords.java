package org.migrationledger.analysis.classify;

import java.util.List;
import java.util.Locale;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.LockLevel;
import org.migrationledger.analysis.change.OtherStatement;
import org.migrationledger.analysis.change.TableLock;

/** REINDEX, VACUUM, CLUSTER, REFRESH MATERIALIZED VIEW and LOCK: no schema change, but heavy locks. */
final class MaintenanceWords {

    private MaintenanceWords() {}

    static Change read(Words words) {
        if (words.accept("reindex")) {
            words.next();
            boolean concurrently = words.accept("concurrently");
            LockLevel level = concurrently ? LockLevel.SHARE_UPDATE_EXCLUSIVE : LockLevel.SHARE;
            return statement("REINDEX", words.name(), level);
        }
        if (words.accept("vacuum")) {
            boolean full = words.accept("full");
            words.accept("analyze");
            LockLevel level = full ? LockLevel.ACCESS_EXCLUSIVE : LockLevel.SHARE_UPDATE_EXCLUSIVE;
            return statement(full ? "VACUUM FULL" : "VACUUM", words.name(), level);
        }
        if (words.accept("cluster")) {
            return statement("CLUSTER", words.name(), LockLevel.ACCESS_EXCLUSIVE);
        }
        if (words.accept("refresh", "materialized", "view")) {
            boolean concurrently = words.accept("concurrently");
            LockLevel level = concurrently ? LockLevel.EXCLUSIVE : LockLevel.ACCESS_EXCLUSIVE;
            return statement("REFRESH MATERIALIZED VIEW", words.name(), level);
        }
        if (words.accept("lock")) {
            words.accept("table");
            words.accept("only");
            String table = words.name();
            return statement("LOCK TABLE", table, explicitMode(words));
        }
        return null;
    }

    /** LOCK TABLE ... IN mode MODE; without a mode PostgreSQL takes ACCESS EXCLUSIVE. */
    private static LockLevel explicitMode(Words words) {
        if (!words.skipPast("in")) {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
        String mode = words.rest()
                .toUpperCase(Locale.ROOT)
                .replaceAll("\\s+", " ")
                .replace(" MODE", "")
                .trim();
        for (LockLevel level : LockLevel.values()) {
            if (level.modeName().equals(mode)) {
                return level;
            }
        }
        return LockLevel.ACCESS_EXCLUSIVE;
    }

    private static Change statement(String kind, String relation, LockLevel level) {
        List<TableLock> locks = relation == null ? List.of() : List.of(new TableLock(relation, level));
        return new OtherStatement(kind, locks);
    }
}
