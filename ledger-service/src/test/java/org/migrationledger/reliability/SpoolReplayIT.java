package org.migrationledger.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationledger.LedgerServiceIT;
import org.migrationledger.ProposalBody;
import org.migrationledger.client.http.LedgerClient;
import org.migrationledger.client.http.LedgerConnection;
import org.migrationledger.client.http.LedgerWrite;
import org.migrationledger.client.spool.Delivery;
import org.migrationledger.client.spool.OnUnreachable;
import org.migrationledger.client.spool.Spool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger records a report and dies before its answer reaches the pipeline: the client sees a broken connection,
 * retries, and spools the report. A later flush sends it again with the same Idempotency-Key, and the ledger answers
 * with what it recorded the first time: the apply is in the event store once, not twice.
 */
class SpoolReplayIT extends LedgerServiceIT {

    private static final String SCRIPT = "create table spooled (id bigint);";

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path spoolDirectory;

    @Test
    void aReportRecordedButNeverAnsweredIsReplayedOnce() throws Exception {
        assertThat(put("/api/v1/databases/spooled", "admin", null).status()).isIn(200, 201);
        Reply proposed = post(
                "/api/v1/databases/spooled/migrations",
                "alice",
                ProposalBody.of("0001_spooled", "1.0.0", SCRIPT).json());
        assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
        LedgerWrite apply = LedgerWrite.post(
                "/api/v1/databases/spooled/environments/ci/applies",
                LedgerClient.JSON
                        .createObjectNode()
                        .put("migrationId", "0001_spooled")
                        .put("checksum", ProposalBody.checksum(SCRIPT))
                        .put("outcome", "SUCCEEDED"),
                "apply 0001_spooled to ci");

        Spool spool = new Spool(spoolDirectory);
        try (AnswerDroppingProxy proxy = new AnswerDroppingProxy(port)) {
            LedgerClient throughProxy = new LedgerClient(LedgerConnection.of(proxy.url(), tokenOf("ci"), "test", null)
                    .withAttempts(2));
            Delivery.Outcome outcome = new Delivery(throughProxy, spool, OnUnreachable.SPOOL).deliver(apply);

            assertThat(outcome.spooled()).as("the client never saw an answer").isTrue();
            assertThat(proxy.answersDropped())
                    .as("the ledger answered every attempt")
                    .isEqualTo(2);
        }
        assertThat(appliesRecorded()).as("recorded before the answer was lost").isEqualTo(1);

        LedgerClient direct =
                new LedgerClient(LedgerConnection.of("http://localhost:" + port, tokenOf("ci"), "test", null));
        AtomicInteger replayed = new AtomicInteger();
        Spool.FlushResult flushed = spool.flush(direct, step -> {
            if (step.answer().succeeded()) {
                replayed.incrementAndGet();
            }
        });

        assertThat(flushed.sent()).isEqualTo(1);
        assertThat(flushed.corrupt()).isEmpty();
        assertThat(replayed.get()).isEqualTo(1);
        assertThat(spool.pending()).isEmpty();
        assertThat(appliesRecorded()).as("the replay recorded nothing new").isEqualTo(1);
    }

    private long appliesRecorded() {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = 'spooled'"
                        + " and payload_type like '%MigrationApplied'")
                .query(Long.class)
                .single();
    }

    /**
     * Forwards each request to the service, waits until the service starts answering (it has recorded the fact by
     * then), and closes the client's connection without passing the answer on: a ledger that died at that moment.
     */
    private static final class AnswerDroppingProxy implements AutoCloseable {

        private final ServerSocket server;
        private final int target;
        private final AtomicInteger dropped = new AtomicInteger();
        private final Thread acceptor;

        AnswerDroppingProxy(int target) throws IOException {
            this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            this.target = target;
            this.acceptor = new Thread(this::serve, "answer-dropping-proxy");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        int answersDropped() {
            return dropped.get();
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket client = server.accept();
                        Socket ledger = new Socket(InetAddress.getLoopbackAddress(), target)) {
                    byte[] request = readRequest(client.getInputStream());
                    ledger.getOutputStream().write(request);
                    ledger.getOutputStream().flush();
                    // The first byte of the answer: the ledger has handled the request to the end.
                    if (ledger.getInputStream().read() >= 0) {
                        dropped.incrementAndGet();
                    }
                } catch (IOException e) {
                    if (server.isClosed()) {
                        return;
                    }
                }
            }
        }

        /** Headers up to the blank line, then Content-Length bytes of body. */
        private static byte[] readRequest(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            while (matched < end.length) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("request ended in its headers");
                }
                head.write(b);
                matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
            }
            String headers = head.toString(StandardCharsets.US_ASCII);
            int length = 0;
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(
                            line.substring("content-length:".length()).trim());
                }
            }
            head.write(in.readNBytes(length));
            return head.toByteArray();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
