package org.migrationledger.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.migrationledger.LedgerApplication;
import org.migrationledger.LedgerServiceIT;
import org.migrationledger.LedgerServiceIT.Reply;
import org.migrationledger.security.TokenFile;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One ledger service node, a whole Spring Boot application on a random port, over a database the test names. Several
 * nodes may share one database (PRODUCT.md §7); closing a node is what a load balancer sees of a stopped node.
 */
final class LedgerNode implements AutoCloseable {

    /** A request that takes longer than this has hung: the bound the fault tests hold the service to. */
    static final Duration REQUEST_BOUND = Duration.ofSeconds(20);

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final ConfigurableApplicationContext context;
    private final int port;

    private LedgerNode(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /**
     * Starts a node on the database at the JDBC URL; extra sources are added to the application (a test's probe).
     *
     * @param settings further {@code --name=value} arguments
     */
    static LedgerNode start(String name, String jdbcUrl, Path work, List<Class<?>> extraSources, String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.minimum-idle=2",
                "--ledger.security.token-file=" + tokenFile(work),
                "--ledger.security.development-signing-key-file="
                        + Path.of("target", "test-signing-key.pem").toAbsolutePath()));
        arguments.addAll(List.of(settings));
        List<Class<?>> sources = new ArrayList<>(List.of(LedgerApplication.class));
        sources.addAll(extraSources);
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).run(arguments.toArray(String[]::new));
        return new LedgerNode(name, context);
    }

    private static Path tokenFile(Path work) {
        Path file = work.resolve("tokens.txt");
        if (Files.exists(file)) {
            return file;
        }
        List<String> lines = LedgerServiceIT.PRINCIPAL_ROLES.entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue() + " "
                        + TokenFile.sha256(LedgerServiceIT.tokenOf(entry.getKey())))
                .toList();
        try {
            return Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    boolean isRunning() {
        return context.isActive();
    }

    /** Sends a request; a request the node leaves unanswered past {@link #REQUEST_BOUND} throws. */
    Reply send(String method, String path, String principal, String body, String... headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(REQUEST_BOUND)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (principal != null) {
            request.header("Authorization", "Bearer " + LedgerServiceIT.tokenOf(principal));
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        }
    }

    /** The readiness probe's status code: 200 ready, 503 not. */
    int readiness() {
        try {
            return send("GET", "/actuator/health/readiness", null, null).status();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        context.close();
    }

    @Override
    public String toString() {
        return name + " on port " + port;
    }
}
