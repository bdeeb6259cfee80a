package org.migrationledger.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** The callers of a run, one per role the benchmark plays, and the token file the service reads them from. */
record Principals(String admin, String pipeline, String proposer, String approver, String auditor) {

    static Principals writeTokenFile(Path file) throws IOException {
        Principals tokens = new Principals(token(), token(), token(), token(), token());
        List<String> lines = List.of(
                line("bench-admin", "admin", tokens.admin()),
                line("bench-pipeline", "pipeline", tokens.pipeline()),
                line("bench-proposer", "proposer", tokens.proposer()),
                line("bench-approver", "approver,dba", tokens.approver()),
                line("bench-auditor", "auditor", tokens.auditor()));
        Files.write(file, lines, StandardCharsets.UTF_8);
        return tokens;
    }

    private static String line(String principal, String roles, String token) {
        return principal + " " + roles + " " + sha256(token);
    }

    private static String token() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
