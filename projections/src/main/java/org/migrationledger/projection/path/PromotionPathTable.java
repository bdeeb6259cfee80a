package org.migrationledger.projection.path;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A read model's copy of each database's promotion path: rows of {@code (generation, database_name, environment,
 * path_position)} in a table of the read model's own, replaced whole whenever the path is registered or changed.
 *
 * @param table the read model's path table; a constant of the read model, never input
 */
public record PromotionPathTable(JdbcClient jdbc, String table) {

    public void replace(int generation, String database, List<String> environments) {
        jdbc.sql("delete from " + table + " where generation = ? and database_name = ?")
                .params(generation, database)
                .update();
        jdbc.sql("""
                        insert into %s (generation, database_name, environment, path_position)
                        select ?, ?, environment, position - 1
                        from unnest(cast(? as text[])) with ordinality as path(environment, position)""".formatted(table))
                .params(generation, database, environments.toArray(String[]::new))
                .update();
    }
}
