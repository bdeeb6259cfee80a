package org.migrationledger.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.migrationledger.client.http.LedgerClient;
import picocli.CommandLine.IVersionProvider;

/**
 * What {@code ledger --version} prints: the client's version, and the ledger it talks to ({@code LEDGER_URL}) with the
 * version and kind of database that ledger reports on its open {@code /actuator/info}, or why it could not be asked.
 */
final class ServiceVersion implements IVersionProvider {

    static final String DEFAULT_URL = "http://localhost:8080";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, String> environment;

    ServiceVersion(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public String[] getVersion() {
        String version = LedgerCli.class.getPackage().getImplementationVersion();
        String url = environment.getOrDefault("LEDGER_URL", DEFAULT_URL).replaceAll("/+$", "");
        return new String[] {
            "ledger-client " + (version == null ? "development" : version), "ledger at " + url + ": " + describe(url)
        };
    }

    private static String describe(String url) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url + "/actuator/info"))
                            .timeout(TIMEOUT)
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return "answered HTTP " + response.statusCode() + " to /actuator/info (is this a ledger?)";
            }
            JsonNode info = LedgerClient.JSON.readTree(response.body());
            return "migration ledger " + info.path("build").path("version").asText("of unknown version") + ", "
                    + info.path("database").path("kind").asText("unknown") + " PostgreSQL";
        } catch (IOException | IllegalArgumentException e) {
            return "unreachable (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "not asked (interrupted)";
        }
    }
}
