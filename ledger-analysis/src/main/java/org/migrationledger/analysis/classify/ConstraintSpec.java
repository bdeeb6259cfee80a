package org.migrationledger.analysis.classify;

import org.migrationledger.analysis.change.AddConstraint;
import org.migrationledger.analysis.change.ConstraintKind;

/** Reads a table constraint as written after ALTER TABLE ... ADD. */
final class ConstraintSpec {

    private ConstraintSpec() {}

    static boolean startsConstraint(Words words) {
        return words.is("constraint")
                || words.is("primary", "key")
                || words.is("unique")
                || words.is("foreign", "key")
                || words.is("check")
                || words.is("exclude");
    }

    static AddConstraint read(String table, Words words) {
        String name = words.accept("constraint") ? words.name() : null;
        ConstraintKind kind = kind(words);
        boolean notValid = words.containsAtTopLevel("not", "valid");
        boolean usingIndex =
                words.containsAtTopLevel("using", "index") && !words.containsAtTopLevel("using", "index", "tablespace");
        String referenced = words.skipPast("references") ? words.name() : null;
        return new AddConstraint(table, name, kind, notValid, usingIndex, referenced);
    }

    private static ConstraintKind kind(Words words) {
        if (words.is("primary")) {
            return ConstraintKind.PRIMARY_KEY;
        }
        if (words.is("unique")) {
            return ConstraintKind.UNIQUE;
        }
        if (words.is("foreign")) {
            return ConstraintKind.FOREIGN_KEY;
        }
        if (words.is("check")) {
            return ConstraintKind.CHECK;
        }
        return words.is("exclude") ? ConstraintKind.EXCLUDE : ConstraintKind.OTHER;
    }
}
