package org.migrationledger.projection.history;

import java.util.List;
import org.migrationledger.projection.rebuild.ReadModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class VersionHistoryReadModel extends ReadModel {

    static final String NAME = "version-history";
    static final List<String> TABLES = List.of(
            "version_history_environment",
            "version_history_migration",
            "version_history_entry",
            "version_history_tally");

    VersionHistoryReadModel(JdbcClient jdbc) {
        super(NAME, TABLES, generation -> new VersionHistoryProjection(jdbc, generation));
    }
}
