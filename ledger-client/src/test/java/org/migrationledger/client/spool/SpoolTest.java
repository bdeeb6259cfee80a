package org.migrationledger.client.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
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

    @Test
    void aCorruptOrHalfWrittenFileIsSetAsideReportedAndKept() throws Exception {
        Spool spool = new Spool(dir);
        Path whole = spool.add(write("whole"));
        Path truncated = spool.add(write("truncated"));
        String text = Files.readString(truncated);
        Files.writeString(truncated, text.substring(0, text.length() / 2));
        Path empty = spool.add(write("empty"));
        Files.writeString(empty, "{}");
        Path abandoned = dir.resolve(".00000000000000000001-000001-crashed.json.tmp");
        Files.writeString(abandoned, "{\"method\":\"POST\",\"pa");
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        Path beingWritten = dir.resolve(".99999999999999999999-000002-now.json.tmp");
        Files.writeString(beingWritten, "{");

        Spool.FlushResult result = spool.flush(UNREACHABLE, step -> {});

        // The readable write stays for the next flush; the unreadable ones are moved aside, content intact.
        assertThat(result.remaining()).isEqualTo(1);
        assertThat(spool.pending()).containsExactly(whole);
        assertThat(result.corrupt())
                .extracting(file -> file.getFileName().toString())
                .containsExactlyInAnyOrder(
                        truncated.getFileName().toString(),
                        empty.getFileName().toString(),
                        "00000000000000000001-000001-crashed.json.tmp");
        assertThat(spool.corrupt()).hasSize(3);
        assertThat(Files.readString(dir.resolve(Spool.CORRUPT).resolve(truncated.getFileName())))
                .isEqualTo(text.substring(0, text.length() / 2));
        assertThat(beingWritten).as("a write in progress is left alone").exists();
    }

    private static LedgerWrite write(String what) {
        return LedgerWrite.post(
                "/api/v1/databases/kratos/environments/ci/applies",
                LedgerClient.JSON.createObjectNode().put("migrationId", what),
                what);
    }
}
