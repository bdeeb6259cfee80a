package org.migrationledger.analysis.classify;

import java.util.List;
import org.migrationledger.analysis.change.Change;

/**
 * What one piece of SQL does: a whole statement, or one statement found inside a DO block.
 *
 * @param parsed whether JSqlParser's tree was the source (false: the keyword classifier's reading)
 */
public record ReadPart(String text, boolean parsed, List<Change> changes) {

    public ReadPart {
        changes = List.copyOf(changes);
    }
}
