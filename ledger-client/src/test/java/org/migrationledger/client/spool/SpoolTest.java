package org.migrationledger.client.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationledger.client.http.LedgerClient;
import org.migrationledger.client.http.LedgerConnection;
import org.migrationledger.client.http.LedgerUnreachableException;
import org.migrationledger.client.http.LedgerWrite;

class SpoolTest {

    /** Nothing listens on port 1 of the loopback interface: connections are refused at once. */
    private static final LedgerClient UNREACHABLE = new LedgerClient(
            LedgerConnection.of("http://127.0.0.1:1", "token", "test", null).withAttempts(1));

    @TempDir
    Path dir;

    @Test
    void keepsReportsInTheOrderTheyCame() {
        Spool spool = new Spool(dir);
        LedgerWrite first = write("first");
        LedgerWrite second = write("second");

        spool.add(first);
        spool.add(second);

        assertThat(spool.pending()).hasSize(2);
        assertThat(spool.pending().get(0).getFileName().toString()).contains(first.idempotencyKey());
        assertThat(spool.pending().get(1).getFileName().toString()).contains(second.idempotencyKey());
    }

    @Test
    void aFlushThatFindsTheLedgerUnreachableKeepsEverything() {
        Spool spool = new Spool(dir);
        spool.add(write("first"));
        spool.add(write("second"));

        Spool.FlushResult result = spool.flush(UNREACHABLE, step -> {});

        assertThat(result.complete()).isFalse();
        assertThat(result.remaining()).isEqualTo(2);
        assertThat(spool.pending()).hasSize(2);
    }

    @Test
    void deliverySpoolsWhenTheLedgerIsUnreachableAndQueuesLaterReportsBehind() {
        Delivery delivery = new Delivery(UNREACHABLE, new Spool(dir), OnUnreachable.SPOOL, Duration.ofMinutes(1));

        Delivery.Outcome first = delivery.deliver(write("first"));
        Delivery.Outcome second = delivery.deliver(write("second"));

        assertThat(first.spooled()).isTrue();
        assertThat(second.spooled()).isTrue();
        assertThat(new Spool(dir).pending()).hasSize(2);
    }

    @Test
    void deliveryFailsWhenToldTo() {
        Delivery delivery = new Delivery(UNREACHABLE, new Spool(dir), OnUnreachable.FAIL);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> delivery.deliver(write("first")))
                .isInstanceOf(LedgerUnreachableException.class);
        assertThat(new Spool(dir).pending()).isEmpty();
    }

    private static LedgerWrite write(String what) {
        return LedgerWrite.post(
                "/api/v1/databases/kratos/environments/ci/applies",
                LedgerClient.JSON.createObjectNode().put("migrationId", what),
                what);
    }
}
