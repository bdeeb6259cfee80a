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

    @Test
    void servesItsOpenApiDocumentAndHealthWithoutAToken() {
        Reply openApi = get("/v3/api-docs", null);
        Reply health = get("/actuator/health", null);

        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.body().get("paths").has("/api/v1/databases/{db}/environments/{env}/applies"))
                .isTrue();
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("UP");
    }
}
