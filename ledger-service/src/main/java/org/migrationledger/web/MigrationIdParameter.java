package org.migrationledger.web;

import org.migrationledger.naming.MigrationIds;
import org.springframework.http.HttpStatus;

/** Reads a migration id from a request in either accepted convention, refusing anything else with the field named. */
public final class MigrationIdParameter {

    private MigrationIdParameter() {}

    public static String fromRequest(String raw, String field) {
        return MigrationIds.normalise(raw)
                .orElseThrow(() -> new InvalidRequestException(
                        HttpStatus.BAD_REQUEST,
                        "invalid-migration-id",
                        field,
                        "'" + raw + "' is not a migration id: use NNNN_snake_description (e.g. 0042_add_user_email)"
                                + " or Flyway's V<version>__<description>."));
    }
}
