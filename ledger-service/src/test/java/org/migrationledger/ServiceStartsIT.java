package org.migrationledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceStartsIT extends LedgerServiceIT {

    @Test
    void registersADatabaseWithTheDefaultPath() {
        Reply reply = put("/api/v1/databases/wishlist", "admin", null);

        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        assertThat(reply.body().get("environments").toString())
                .isEqualTo("[\"local\",\"ci\",\"staging\",\"production\"]");
        assertThat(reply.position()).isPositive();
    }
}
