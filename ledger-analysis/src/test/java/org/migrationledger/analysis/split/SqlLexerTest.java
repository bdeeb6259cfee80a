package org.migrationledger.analysis.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.migrationledger.analysis.split.Token.Kind;

class SqlLexerTest {

    private static List<Kind> kinds(String sql) {
        return SqlLexer.tokenize(sql).stream()
                .filter(Token::significant)
                .map(Token::kind)
                .toList();
    }

    @Test
    void distinguishesTheLiteralKinds() {
        assertThat(kinds("'a' E'b\\'' $$c$$ $t$d$t$ \"e\" 1.5e-3 $1 {{ .X }}"))
                .containsExactly(
                        Kind.STRING,
                        Kind.STRING,
                        Kind.DOLLAR_STRING,
                        Kind.DOLLAR_STRING,
                        Kind.QUOTED_IDENTIFIER,
                        Kind.NUMBER,
                        Kind.WORD,
                        Kind.PLACEHOLDER);
    }

    @Test
    void operatorsStopWhereACommentStarts() {
        String sql = "a <>-- comment\nb";
        List<Token> tokens = SqlLexer.tokenize(sql);

        assertThat(tokens).extracting(t -> t.text(sql)).containsExactly("a", " ", "<>", "-- comment", "\n", "b");
    }

    @Test
    void tokensCoverTheWholeInputWithoutGaps() {
        String sql = "SELECT /* x /* y */ */ 'it''s', $q$;$q$::text; -- end";
        List<Token> tokens = SqlLexer.tokenize(sql);

        StringBuilder rebuilt = new StringBuilder();
        tokens.forEach(t -> rebuilt.append(t.text(sql)));
        assertThat(rebuilt.toString()).isEqualTo(sql);
        assertThat(tokens.stream().filter(t -> t.kind() == Kind.SEMICOLON)).hasSize(1);
    }
}
