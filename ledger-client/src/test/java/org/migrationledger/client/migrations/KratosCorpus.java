package org.migrationledger.client.migrations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The kratos folder of the shared migration corpus: {@code $LEDGER_CORPUS_DIR}, else {@code shared/corpus} upwards. */
final class KratosCorpus {

    private KratosCorpus() {}

    static Path locate() {
        Path root = Optional.ofNullable(System.getenv("LEDGER_CORPUS_DIR"))
                .filter(value -> !value.isBlank())
                .map(Path::of)
                .orElseGet(KratosCorpus::walkUp);
        if (root == null || !Files.isDirectory(root.resolve("kratos"))) {
            throw new IllegalStateException(
                    "Migration corpus not found: set $LEDGER_CORPUS_DIR or keep shared/corpus beside the repository");
        }
        return root.resolve("kratos");
    }

    private static Path walkUp() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("shared").resolve("corpus"))) {
                return dir.resolve("shared").resolve("corpus");
            }
        }
        return null;
    }
}
