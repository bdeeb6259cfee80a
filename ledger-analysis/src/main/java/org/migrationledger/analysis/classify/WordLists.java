package org.migrationledger.analysis.classify;

import java.util.ArrayList;
import java.util.List;

/** Lists read off a {@link Words} cursor: object names, string literals. */
final class WordLists {

    private WordLists() {}

    /** Comma-separated names up to the first word that is not part of the list (CASCADE, RESTRICT, ...). */
    static List<String> names(Words words) {
        List<String> names = new ArrayList<>();
        String name = words.name();
        while (name != null) {
            names.add(name);
            words.accept("*");
            name = words.accept(",") ? words.name() : null;
        }
        return names;
    }

    /** Every name written after the word, at any depth, e.g. all tables a CREATE TABLE references. */
    static List<String> namesAfter(Words words, String word) {
        List<String> names = new ArrayList<>();
        while (!words.atEnd()) {
            if (words.accept(word)) {
                String name = words.name();
                if (name != null) {
                    names.add(name);
                }
            } else {
                words.next();
            }
        }
        return names;
    }

    /** All string literals from the cursor on, unquoted, e.g. the labels of CREATE TYPE ... AS ENUM. */
    static List<String> stringLiterals(Words words) {
        List<String> literals = new ArrayList<>();
        while (!words.atEnd()) {
            String literal = words.stringLiteral();
            if (literal == null) {
                words.next();
            } else {
                literals.add(literal);
            }
        }
        return literals;
    }
}
