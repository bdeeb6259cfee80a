package org.migrationledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.migrationledger.embedded.EmbeddedPostgresServer;
import org.migrationledger.security.TokenFile;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * The service with no datasource configured, as {@code bin/run-ledger} starts it on a machine with only a JDK: an
 * embedded PostgreSQL with its data in {@code ledger.embedded.data-dir}, announced at start-up, stopped with the
 * service, and the facts recorded before a restart still there after it.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseDefaultIT {

    @TempDir
    Path work;

    @Test
    void withoutADatasourceUrlTheLedgerKeepsItsFactsInAnEmbeddedPostgresAcrossRestarts(CapturedOutput output)
            throws IOException {
        Path tokens = Files.write(work.resolve("tokens.txt"), List.of("admin admin " + TokenFile.sha256("secret")));
        Path data = work.resolve("ledger-data");
        long firstServer;
        try (ConfigurableApplicationContext first = start(tokens, data)) {
            EmbeddedPostgresServer server = first.getBean(EmbeddedPostgresServer.class);
            firstServer = server.pid();
            assertThat(first.getBean(DataSource.class))
                    .isInstanceOfSatisfying(
                            HikariDataSource.class,
                            pool -> assertThat(pool.getJdbcUrl()).isEqualTo(server.jdbcUrl("ledger")));
            assertThat(register(first)).as("registered").isEqualTo(201);
            assertThat(api(first).get().uri("/actuator/info").retrieve().body(String.class))
                    .contains("\"database\":{\"kind\":\"embedded\"}");
        }
        assertThat(ProcessHandle.of(firstServer).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(output.getOut())
                .contains("EMBEDDED PostgreSQL 17.")
                .contains("data:   " + data.toAbsolutePath())
                .contains("A production installation sets SPRING_DATASOURCE_URL");

        try (ConfigurableApplicationContext second = start(tokens, data)) {
            assertThat(register(second))
                    .as("already registered before the restart")
                    .isEqualTo(200);
        }
    }

    private static ConfigurableApplicationContext start(Path tokens, Path data) {
        return new SpringApplicationBuilder(LedgerApplication.class)
                .run("--server.port=0", "--ledger.security.token-file=" + tokens, "--ledger.embedded.data-dir=" + data);
    }

    private static int register(ConfigurableApplicationContext context) {
        return api(context)
                .put()
                .uri("/api/v1/databases/wishlist")
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value();
    }

    private static RestClient api(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer secret")
                .build();
    }
}
