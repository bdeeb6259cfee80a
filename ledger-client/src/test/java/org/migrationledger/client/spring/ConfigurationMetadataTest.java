package org.migrationledger.client.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The jar describes its ledger.* properties to IDEs, with the defaults the callback really uses. */
class ConfigurationMetadataTest {

    @Test
    void describesEveryLedgerPropertyWithItsDefault() throws IOException {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in)
                    .as("metadata written by spring-boot-configuration-processor")
                    .isNotNull();
            metadata = new ObjectMapper().readTree(in);
        }
        Map<String, JsonNode> properties = new HashMap<>();
        metadata.path("properties").forEach(p -> properties.put(p.path("name").asText(), p));

        assertThat(properties)
                .containsOnlyKeys(
                        "ledger.url",
                        "ledger.token",
                        "ledger.database",
                        "ledger.environment",
                        "ledger.on-unreachable",
                        "ledger.spool-dir",
                        "ledger.snapshot",
                        "ledger.run-url");
        assertThat(properties.get("ledger.on-unreachable").path("defaultValue").asText())
                .isEqualTo("SPOOL");
        assertThat(properties.get("ledger.spool-dir").path("defaultValue").asText())
                .isEqualTo("ledger-spool");
        assertThat(properties.get("ledger.database").path("description").asText())
                .isNotBlank();
    }
}
