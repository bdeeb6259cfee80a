package org.migrationledger.analysis.classify;

import java.util.List;
import org.migrationledger.analysis.change.AddEnumValue;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.OtherStatement;
import org.migrationledger.analysis.change.RenameEnumValue;
import org.migrationledger.analysis.change.RenameType;

/** ALTER TYPE, read after its two leading words. */
final class TypeWords {

    private TypeWords() {}

    static Change alterType(Words words) {
        String type = words.name();
        if (words.accept("add", "value")) {
            words.accept("if", "not", "exists");
            return new AddEnumValue(type, words.stringLiteral());
        }
        if (words.accept("rename", "value")) {
            String value = words.stringLiteral();
            words.accept("to");
            return new RenameEnumValue(type, value, words.stringLiteral());
        }
        if (words.accept("rename", "to")) {
            return new RenameType(type, words.name());
        }
        return new OtherStatement("ALTER TYPE", List.of());
    }
}
