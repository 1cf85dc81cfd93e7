package io.dualwrite.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class GlobTest {

    private static Glob glob(String pattern) {
        return Glob.compile(pattern, true);
    }

    @Test
    void starAloneMatchesEveryTextIncludingTheEmptyOne() {
        Glob star = glob("*");
        assertThat(star.matches("")).isTrue();
        assertThat(star.matches("jdbc:postgresql://h/db")).isTrue();
        assertThat(star.matches("*")).isTrue();
        assertThat(star.isMatchAll()).isTrue();
    }

    @Test
    void nullTextMatchesNothing() {
        assertThat(glob("*").matches(null)).isFalse();
        assertThat(glob("").matches(null)).isFalse();
    }

    @Test
    void patternWithoutStarMatchesOnlyTheWholeSameText() {
        Glob exact = glob("orders");
        assertThat(exact.matches("orders")).isTrue();
        assertThat(exact.matches("orders2")).isFalse();
        assertThat(exact.matches("my_orders")).isFalse();
        assertThat(exact.matches("")).isFalse();
    }

    @Test
    void emptyPatternMatchesOnlyTheEmptyText() {
        assertThat(glob("").matches("")).isTrue();
        assertThat(glob("").matches("a")).isFalse();
    }

    @Test
    void prefixStarMatchesTextsStartingWithThePrefix() {
        Glob prefix = glob("jdbc:postgresql://127.0.0.1:5432/shop*");
        assertThat(prefix.matches("jdbc:postgresql://127.0.0.1:5432/shop")).isTrue();
        assertThat(prefix.matches("jdbc:postgresql://127.0.0.1:5432/shop?ssl=true")).isTrue();
        assertThat(prefix.matches("jdbc:postgresql://127.0.0.1:5432/sho")).isFalse();
        assertThat(prefix.matches("xjdbc:postgresql://127.0.0.1:5432/shop")).isFalse();
    }

    @Test
    void starSuffixMatchesTextsEndingWithTheSuffix() {
        Glob suffix = glob("*_audit");
        assertThat(suffix.matches("orders_audit")).isTrue();
        assertThat(suffix.matches("_audit")).isTrue();
        assertThat(suffix.matches("orders_audit2")).isFalse();
        assertThat(suffix.matches("audit")).isFalse();
    }

    @Test
    void severalStarsMatchTheLiteralPartsInOrder() {
        Glob abc = glob("a*b*c");
        assertThat(abc.matches("abc")).isTrue();
        assertThat(abc.matches("a123b456c")).isTrue();
        assertThat(abc.matches("abbbc")).isTrue();
        assertThat(abc.matches("abcbc")).isTrue();
        assertThat(abc.matches("acb")).isFalse();
        assertThat(abc.matches("ab")).isFalse();
        assertThat(abc.matches("abcd")).isFalse();
        assertThat(glob("*a*b*").matches("xxaxxbxx")).isTrue();
        assertThat(glob("*a*b*").matches("xxbxxaxx")).isFalse();
    }

    @Test
    void literalPartsDoNotOverlap() {
        assertThat(glob("a*a").matches("a")).isFalse();
        assertThat(glob("a*a").matches("aa")).isTrue();
        assertThat(glob("ab*ba").matches("aba")).isFalse();
        assertThat(glob("ab*ba").matches("abba")).isTrue();
        assertThat(glob("*aa*aa*").matches("aaa")).isFalse();
        assertThat(glob("*aa*aa*").matches("aaaa")).isTrue();
    }

    @Test
    void consecutiveStarsActLikeOne() {
        assertThat(glob("**").matches("")).isTrue();
        assertThat(glob("a**b").matches("ab")).isTrue();
        assertThat(glob("a**b").matches("axyzb")).isTrue();
        assertThat(glob("a**b").matches("ba")).isFalse();
    }

    @Test
    void regexCharactersAreLiteral() {
        assertThat(glob("a.b").matches("a.b")).isTrue();
        assertThat(glob("a.b").matches("axb")).isFalse();
        assertThat(glob("[ab]").matches("[ab]")).isTrue();
        assertThat(glob("[ab]").matches("a")).isFalse();
        assertThat(glob("(x)+?").matches("(x)+?")).isTrue();
        assertThat(glob("(x)+?").matches("xx")).isFalse();
        assertThat(glob("\\d{2}$^|").matches("\\d{2}$^|")).isTrue();
        assertThat(glob("\\d{2}").matches("12")).isFalse();
        assertThat(glob("db?.*").matches("db?.x")).isTrue();
        assertThat(glob("db?.*").matches("db1.x")).isFalse();
    }

    @Test
    void matchingIsCaseSensitiveOnlyWhenAskedFor() {
        assertThat(Glob.compile("Shop*", true).matches("shop_db")).isFalse();
        assertThat(Glob.compile("Shop*", false).matches("shop_db")).isTrue();
        assertThat(Glob.compile("*ORDERS", false).matches("public.orders")).isTrue();
        assertThat(Glob.compile("a*B*c", false).matches("AxbxC")).isTrue();
        assertThat(Glob.compile("orders", false).matches("ORDERS")).isTrue();
    }

    @Test
    void patternIsKeptAsGiven() {
        Glob g = glob("shop_*");
        assertThat(g.pattern()).isEqualTo("shop_*");
        assertThat(g).hasToString("shop_*");
        assertThat(g).isEqualTo(glob("shop_*")).isNotEqualTo(Glob.compile("shop_*", false));
    }

    @Test
    void nullPatternIsRejected() {
        assertThatThrownBy(() -> Glob.compile(null, true)).isInstanceOf(NullPointerException.class);
    }

    /** A backtracking matcher would take exponential time here; the timeout only catches that. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void longTextsWithManyStarsDoNotBacktrackExponentially() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            text.append('a');
        }
        Glob many = glob("*a*a*a*a*a*a*a*a*b");
        assertThat(many.matches(text.toString())).isFalse();
        assertThat(many.matches(text + "b")).isTrue();
    }
}
