package org.migrationledger.analysis.classify;

import java.util.Locale;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.LockLevel;
import org.migrationledger.analysis.change.OtherStatement;

/** REINDEX, VACUUM, CLUSTER, REFRESH MATERIALIZED VIEW and LOCK: no schema change, but heavy locks. */
final class MaintenanceWords {

    private MaintenanceWords() {}

    static Change read(Words words) {
        if (words.accept("reindex")) {
            words.next();
            boolean concurrently = words.accept("concurrently");
            return statement(
                    "REINDEX", words.name(), concurrently ? LockLevel.SHARE_UPDATE_EXCLUSIVE : LockLevel.SHARE);
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
        return words.accept("lock") ? lockTable(words) : null;
    }

    /** LOCK [TABLE] name [IN mode MODE]; without a mode PostgreSQL takes ACCESS EXCLUSIVE. */
    private static Change lockTable(Words words) {
        words.accept("table");
        words.accept("only");
        String table = words.name();
        LockLevel level = LockLevel.ACCESS_EXCLUSIVE;
        if (words.skipPast("in")) {
            String mode = words.rest()
                    .toUpperCase(Locale.ROOT)
                    .replaceAll("\\s+", " ")
                    .replace(" MODE", "")
                    .trim();
            for (LockLevel candidate : LockLevel.values()) {
                level = candidate.modeName().equals(mode) ? candidate : level;
            }
        }
        return statement("LOCK TABLE", table, level);
    }

    private static Change statement(String kind, String relation, LockLevel level) {
        return new OtherStatement(kind, KeywordChangeReader.locks(relation, level));
    }
}
