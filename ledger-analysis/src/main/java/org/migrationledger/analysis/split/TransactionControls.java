package org.migrationledger.analysis.split;

import java.util.List;
import java.util.Locale;

/** Recognises the statements that open or close an explicit transaction block. */
final class TransactionControls {

    private TransactionControls() {}

    static TransactionControl of(String text, List<Token> tokens) {
        List<String> words = tokens.stream()
                .filter(Token::significant)
                .limit(2)
                .map(t -> t.text(text).toLowerCase(Locale.ROOT))
                .toList();
        String first = words.get(0);
        String second = words.size() > 1 ? words.get(1) : "";
        return switch (first) {
            case "begin" -> second.equals("atomic") ? TransactionControl.NONE : TransactionControl.BEGIN;
            case "start" -> second.equals("transaction") ? TransactionControl.BEGIN : TransactionControl.NONE;
            case "commit", "end" -> second.equals("prepared") ? TransactionControl.NONE : TransactionControl.COMMIT;
            case "rollback", "abort" -> rollbackKind(second);
            default -> TransactionControl.NONE;
        };
    }

    private static TransactionControl rollbackKind(String second) {
        // ROLLBACK TO SAVEPOINT stays inside the transaction; ROLLBACK PREPARED concerns another one.
        boolean partial = second.equals("to") || second.equals("prepared");
        return partial ? TransactionControl.NONE : TransactionControl.ROLLBACK;
    }
}
