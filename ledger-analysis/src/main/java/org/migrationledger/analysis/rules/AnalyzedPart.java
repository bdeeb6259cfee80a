package org.migrationledger.analysis.rules;

import java.util.List;
import org.migrationledger.analysis.Finding;
import org.migrationledger.analysis.Severity;
import org.migrationledger.analysis.change.Change;

/**
 * A statement (or a statement inside a DO block) as the rules see it.
 *
 * @param index the top-level statement's position, starting at 1
 * @param transactionUnit which transaction it runs in: 0 for statements outside explicit blocks, then one number per
 *     explicit BEGIN ... COMMIT block
 * @param explicitTransaction whether it runs inside an explicit BEGIN ... COMMIT block
 */
public record AnalyzedPart(
        int index,
        String text,
        boolean parsed,
        List<Change> changes,
        int transactionUnit,
        boolean explicitTransaction) {

    public AnalyzedPart {
        changes = List.copyOf(changes);
    }

    public Finding finding(String rule, Severity severity, String reason) {
        return new Finding(rule, severity, index, text, reason, parsed);
    }
}
