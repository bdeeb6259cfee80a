package org.migrationledger.client.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationledger.chain.CanonicalForm;
import org.migrationledger.chain.ChainEntry;
import org.migrationledger.chain.ChainHead;
import org.migrationledger.chain.ChainLink;
import org.migrationledger.chain.ExportedEntry;
import org.migrationledger.chain.PublicKeys;
import org.migrationledger.chain.SignedDigest;
import org.migrationledger.chain.StoredEvent;

/** {@code ledger verify} on export files built here, without a ledger: 0 intact, 1 broken, 2 not an export. */
class VerifyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void anIntactExportExitsZeroAndAChangedByteOne() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        List<ChainEntry> entries = chain(3);
        Path pinned = Files.writeString(dir.resolve("key.pem"), PublicKeys.toPem(keys.getPublic()));

        Run intact = verify(export(entries, keys, keys), "--public-key", pinned.toString());
        assertThat(intact.exit()).as(intact.text()).isZero();
        assertThat(intact.text()).contains("intact: 3 events checked");

        ChainEntry second = entries.get(1);
        StoredEvent e = second.event();
        StoredEvent changed = new StoredEvent(
                e.position(),
                e.eventId(),
                e.aggregateId(),
                e.sequenceNumber(),
                e.aggregateType(),
                e.timestamp(),
                e.payloadType(),
                e.payloadRevision(),
                "{\"x\":2}".getBytes(UTF_8),
                e.metaData());
        entries.set(1, new ChainEntry(2, changed, second.link()));
        Run broken = verify(export(entries, keys, keys), "--public-key", pinned.toString());
        assertThat(broken.exit()).as(broken.text()).isEqualTo(1);
        assertThat(broken.text()).contains("broken at position 2: PAYLOAD_CHANGED");
    }

    @Test
    void aDigestSignedByAnotherKeyThanThePinnedOneFails() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path pinned = Files.writeString(dir.resolve("key.pem"), PublicKeys.toPem(keys.getPublic()));

        Run run = verify(export(chain(2), other, other), "--public-key", pinned.toString());
        assertThat(run.exit()).as(run.text()).isEqualTo(1);
        assertThat(run.text()).contains("signature INVALID").contains("intact: 2 events checked");
    }

    @Test
    void aFileThatIsNotAnExportIsAUsageError() throws Exception {
        Path file = Files.writeString(dir.resolve("events.ndjson"), "{\"position\":1}\n");
        Run run = verify(file);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.text()).contains("not an audit export's header");
    }

    private Path export(List<ChainEntry> entries, KeyPair signer, KeyPair named) throws Exception {
        ChainLink last = entries.get(entries.size() - 1).link();
        SignedDigest digest = SignedDigest.sign(
                new ChainHead(last.position(), last.hash()), "t1", "t2", signer.getPrivate(), signer.getPublic());
        List<String> lines = new ArrayList<>();
        lines.add(JSON.writeValueAsString(Map.of(
                "export", Map.of("format", "migration-ledger/audit-export/v1", "partial", false),
                "digest", digest,
                "publicKey", PublicKeys.toPem(named.getPublic()))));
        for (ChainEntry entry : entries) {
            lines.add(JSON.writeValueAsString(Map.of("position", entry.position(), "chain", ExportedEntry.of(entry))));
        }
        return Files.write(dir.resolve("export.ndjson"), lines);
    }

    private static List<ChainEntry> chain(int size) {
        List<ChainEntry> chain = new ArrayList<>();
        ChainHead previous = ChainHead.EMPTY;
        for (long position = 1; position <= size; position++) {
            StoredEvent event = new StoredEvent(
                    position,
                    "event-" + position,
                    "shop",
                    position,
                    "SchemaLedger",
                    "2026-11-26T10:00:00Z",
                    "org.migrationledger.api.events.ReleaseDeployed",
                    "1",
                    "{\"x\":1}".getBytes(UTF_8),
                    null);
            ChainLink link = CanonicalForm.link(event, previous.position(), previous.hash());
            chain.add(new ChainEntry(position, event, link));
            previous = new ChainHead(position, link.hash());
        }
        return chain;
    }

    private static Run verify(Path file, String... options) {
        List<String> args = new ArrayList<>(List.of("verify", file.toString()));
        args.addAll(List.of(options));
        StringWriter out = new StringWriter();
        int exit = LedgerCli.run(
                args.toArray(String[]::new), Map.of(), new PrintWriter(out, true), new PrintWriter(out, true));
        return new Run(exit, out.toString());
    }

    private record Run(int exit, String text) {}
}
