package org.migrationledger.projection.compatibility;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What decides whether a migration can be rolled back across and whether the previous application release can run
 * against it. The read model stores the same decisions as the generated columns {@code blocks_rollback} and
 * {@code breaks_previous_release} (V185), which its queries are indexed on; this record words them.
 */
record MigrationClassification(
        String migrationId,
        String version,
        String category,
        boolean breaking,
        boolean hasDownScript,
        boolean rollbackSafe) {

    /** The columns of {@code compatibility_migration} this record is read from, each alias behind {@code prefix}. */
    static String columns(String table, String prefix) {
        return """
                %1$s.migration_id as %2$smigration_id, %1$s.version as %2$sversion, %1$s.category as %2$scategory,
                %1$s.breaking as %2$sbreaking, %1$s.has_down_script as %2$shas_down_script,
                %1$s.rollback_safe as %2$srollback_safe""".formatted(table, prefix);
    }

    /** The classification read by {@link #columns}; null when the row had none (an outer join that found nothing). */
    static MigrationClassification read(ResultSet rs, String prefix) throws SQLException {
        String migrationId = rs.getString(prefix + "migration_id");
        if (migrationId == null) {
            return null;
        }
        return new MigrationClassification(
                migrationId,
                rs.getString(prefix + "version"),
                rs.getString(prefix + "category"),
                rs.getBoolean(prefix + "breaking"),
                rs.getBoolean(prefix + "has_down_script"),
                rs.getBoolean(prefix + "rollback_safe"));
    }

    boolean isContract() {
        return "contract".equalsIgnoreCase(category);
    }

    /** Why rolling back across this migration is unsafe, in words; empty when it is safe. */
    String rollbackBlocker() {
        StringBuilder why = new StringBuilder();
        if (isContract()) {
            why.append(", is a contract migration");
        }
        if (breaking) {
            why.append(", is breaking");
        }
        if (!hasDownScript) {
            why.append(", has no down script");
        }
        if (!rollbackSafe) {
            why.append(", is not rollback-safe");
        }
        if (why.isEmpty()) {
            return "";
        }
        String reasons = why.substring(2);
        int last = reasons.lastIndexOf(", ");
        if (last >= 0) {
            reasons = reasons.substring(0, last) + " and " + reasons.substring(last + 2);
        }
        return migrationId + " (" + version + ") " + reasons + ".";
    }
}
