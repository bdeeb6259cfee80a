package org.migrationledger.projection.history;

import java.util.List;
import org.migrationledger.projection.rebuild.ReadModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class VersionHistoryReadModel implements ReadModel {

    static final String NAME = "version-history";
    static final List<String> TABLES =
            List.of("version_history_environment", "version_history_migration", "version_history_fact");

    private final JdbcClient jdbc;

    VersionHistoryReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return TABLES;
    }

    @Override
    public Object newProjection(int generation) {
        return new VersionHistoryProjection(jdbc, generation);
    }
}
