package org.migrationledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.migrationledger.testsupport.PostgresServer;

/**
 * No Docker engine runs where we build, so the Dockerfile and docker-compose.yml are checked here against what they
 * name: the service's port and health path (asked of the running service, without a token, as the health check
 * asks), the layers of the jar this build made, the non-root user, and the database and token file compose wires.
 */
class ContainerFilesIT extends LedgerServiceIT {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path REPOSITORY = Path.of("..");

    private static List<String[]> dockerfile;
    private static JsonNode compose;
    private static JsonNode application;

    @BeforeAll
    static void readFiles() throws IOException {
        dockerfile = finalStage(Files.readString(REPOSITORY.resolve("Dockerfile")));
        compose = YAML.readTree(REPOSITORY.resolve("docker-compose.yml").toFile());
        try (InputStream yml = LedgerApplication.class.getResourceAsStream("/application.yml")) {
            application = YAML.readTree(yml);
        }
    }

    @Test
    void theImageExposesTheServicePortAndChecksReadinessThere() {
        String port = application.at("/server/port").asText();
        assertThat(instruction("EXPOSE")).isEqualTo(port);
        assertThat(application.at("/management/endpoint/health/probes/enabled").asBoolean())
                .isTrue();
        Matcher check = Pattern.compile("/dev/tcp/127\\.0\\.0\\.1/(\\d+).*GET (\\S+) HTTP")
                .matcher(instruction("HEALTHCHECK"));
        assertThat(check.find()).as(instruction("HEALTHCHECK")).isTrue();
        assertThat(check.group(1)).isEqualTo(port);
        assertThat(check.group(2)).isEqualTo("/actuator/health/readiness");

        Reply readiness = get(check.group(2), null);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void theImageRunsTheJarsLayersAsTheUserItCreates() throws IOException {
        Matcher created = Pattern.compile("useradd .*--uid (\\d+)").matcher(instruction("RUN"));
        assertThat(created.find()).as("the final stage creates its user").isTrue();
        assertThat(instruction("USER")).isEqualTo(created.group(1)).isNotIn("0", "root");

        try (JarFile jar = new JarFile("target/ledger-service.jar")) {
            String index = new String(
                    jar.getInputStream(jar.getEntry("BOOT-INF/layers.idx")).readAllBytes(), StandardCharsets.UTF_8);
            List<String> layers = Pattern.compile("- \"([^\"]+)\":")
                    .matcher(index)
                    .results()
                    .map(layer -> "--from=build /layers/" + layer.group(1) + "/ ./")
                    .toList();
            assertThat(all("COPY")).containsExactlyElementsOf(layers);
            String launcher = instruction("ENTRYPOINT").replaceAll(".*\"(org\\.springframework\\S+)\".*", "$1");
            assertThat(jar.getEntry(launcher.replace('.', '/') + ".class"))
                    .as(launcher)
                    .isNotNull();
        }
    }

    @Test
    void composeWiresTheServiceToItsPostgresAndTheMountedTokenFile() {
        JsonNode postgres = compose.at("/services/postgres");
        JsonNode ledger = compose.at("/services/ledger");
        JsonNode environment = ledger.path("environment");
        assertThat(postgres.path("image").asText()).isEqualTo(PostgresServer.IMAGE);
        assertThat(environment.path("SPRING_DATASOURCE_URL").asText())
                .isEqualTo("jdbc:postgresql://postgres:5432/"
                        + postgres.at("/environment/POSTGRES_DB").asText());
        assertThat(environment.path("SPRING_DATASOURCE_USERNAME").asText())
                .isEqualTo(postgres.at("/environment/POSTGRES_USER").asText());
        assertThat(environment.path("SPRING_DATASOURCE_PASSWORD").asText())
                .isEqualTo(postgres.at("/environment/POSTGRES_PASSWORD").asText());
        assertThat(ledger.at("/depends_on/postgres/condition").asText()).isEqualTo("service_healthy");
        assertThat(postgres.at("/healthcheck/test").toString()).contains("pg_isready");

        String tokenFile = environment.path("LEDGER_TOKEN_FILE").asText();
        assertThat(ledger.path("volumes").get(0).asText()).isEqualTo("./ledger-tokens.txt:" + tokenFile + ":ro");
        assertThat(ledger.path("ports").get(0).asText())
                .isEqualTo(application.at("/server/port").asText() + ":" + instruction("EXPOSE"));
        assertThat(ledger.path("build").asText()).isEqualTo(".");
    }

    private static String instruction(String keyword) {
        List<String> found = all(keyword);
        assertThat(found).as("one %s in the Dockerfile's final stage", keyword).hasSize(1);
        return found.get(0);
    }

    private static List<String> all(String keyword) {
        return dockerfile.stream()
                .filter(line -> line[0].equals(keyword))
                .map(line -> line[1])
                .toList();
    }

    /** The instructions after the last FROM, continuation lines joined, comments dropped: {keyword, arguments}. */
    private static List<String[]> finalStage(String text) {
        List<String[]> instructions = new ArrayList<>();
        for (String line : text.replaceAll("\\\\\\n\\s*", " ").split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+", 2);
            if (parts[0].equals("FROM")) {
                instructions.clear();
            }
            instructions.add(new String[] {parts[0], parts.length > 1 ? parts[1] : ""});
        }
        return instructions;
    }
}
