package org.migrationledger.client.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.concurrent.Callable;
import org.migrationledger.chain.ChainVerifier;
import org.migrationledger.chain.ExportedEntry;
import org.migrationledger.chain.PrefixCheck;
import org.migrationledger.chain.PublicKeys;
import org.migrationledger.chain.SignedDigest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Verifies an NDJSON audit export offline (no ledger, no database): recomputes every event's hash from its"
                    + " stored bytes, walks the chain to the signed digest the export starts with, and checks the"
                    + " digest's Ed25519 signature.",
            "Exit 0 when the chain is intact and every signature checked is valid (and the chain extends --digest);"
                    + " 1 when not, naming the first broken link; 2 when the file is not an export."
        })
final class VerifyCommand implements Callable<Integer> {

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPORT", description = "The NDJSON export (GET /api/v1/audit/events).")
    Path export;

    @Option(
            names = "--public-key",
            paramLabel = "FILE",
            description = "The ledger's public key (PEM, from GET /api/v1/audit/public-key) to pin; without it the"
                    + " key the export names is used, which proves integrity but not origin.")
    Path publicKey;

    @Option(
            names = "--digest",
            paramLabel = "FILE",
            description = "An earlier digest (JSON from GET /api/v1/audit/digest): the export must extend it.")
    Path digest;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            JsonNode header = header(lines.readLine());
            SignedDigest head = JSON.treeToValue(header.get("digest"), SignedDigest.class);
            PublicKey key = publicKey != null
                    ? PublicKeys.fromPem(Files.readString(publicKey))
                    : PublicKeys.fromPem(header.path("publicKey").asText());
            SignedDigest saved = digest == null ? null : JSON.readValue(digest.toFile(), SignedDigest.class);
            boolean partial = header.at("/export/partial").asBoolean();
            ChainVerifier verifier = new ChainVerifier(
                    partial, saved == null ? null : saved.head(), seen -> err.println("checked " + seen + " events"));
            walk(lines, verifier);
            ChainVerifier.Outcome outcome = verifier.finish(partial ? null : head.head());
            return report(out, outcome, head, saved, key);
        }
    }

    private static JsonNode header(String line) throws IOException {
        JsonNode header = line == null ? null : JSON.readTree(line);
        if (header == null || !header.has("digest") || !header.has("export")) {
            throw new IllegalArgumentException("the first line is not an audit export's header (export, digest);"
                    + " export with 'Accept: application/x-ndjson'");
        }
        return header;
    }

    private static void walk(BufferedReader lines, ChainVerifier verifier) throws IOException {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            ExportedEntry entry = JSON.treeToValue(JSON.readTree(line).get("chain"), ExportedEntry.class);
            if (entry == null) {
                throw new IllegalArgumentException("a line carries no 'chain' object: " + abbreviated(line));
            }
            if (!verifier.accept(entry.toEntry())) {
                return;
            }
        }
    }

    private int report(
            PrintWriter out, ChainVerifier.Outcome outcome, SignedDigest head, SignedDigest saved, PublicKey key) {
        boolean headSigned = head.signatureValidWith(key);
        out.println("key " + SignedDigest.keyId(key) + (publicKey == null ? " (named by the export, not pinned)" : ""));
        out.println(
                "export digest at position " + head.position() + ": signature " + (headSigned ? "valid" : "INVALID"));
        boolean savedHolds = true;
        if (saved != null) {
            boolean savedSigned = saved.signatureValidWith(key);
            savedHolds = savedSigned && outcome.prefix() == PrefixCheck.Verdict.EXTENDS;
            out.println("earlier digest at position " + saved.position() + ": signature "
                    + (savedSigned ? "valid" : "INVALID") + ", " + describe(outcome.prefix()));
        }
        if (outcome.intact()) {
            out.println("intact: " + outcome.checked() + " events checked, chain head "
                    + outcome.head().position() + " " + outcome.head().hashHex());
        } else {
            out.println("broken at position " + outcome.brokenLink().position() + ": "
                    + outcome.brokenLink().kind() + " (" + outcome.brokenLink().detail() + "); " + outcome.checked()
                    + " events intact before it");
        }
        return outcome.intact() && headSigned && savedHolds ? ExitCodes.OK : ExitCodes.REFUSED;
    }

    private static String describe(PrefixCheck.Verdict verdict) {
        return switch (verdict) {
            case EXTENDS -> "the export extends it";
            case DIVERGES -> "the export does NOT extend it (another hash at its position)";
            case ENDS_BEFORE -> "the export does NOT extend it (its intact chain ends before the digest's position)";
        };
    }

    private static String abbreviated(String line) {
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }
}
