package io.dualwrite.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class TableFilterTest {

    private static List<String> list(String... globs) {
        return Arrays.asList(globs);
    }

    private static final List<String> NONE = Collections.emptyList();

    @Test
    void defaultFilterIncludesEveryTableAndUnknownTables() {
        TableFilter all = TableFilter.all();
        assertThat(all.includes("orders")).isTrue();
        assertThat(all.includes("public.orders")).isTrue();
        assertThat(all.includes(null)).isTrue();
        assertThat(all.include()).containsExactly("*");
        assertThat(all.exclude()).isEmpty();
    }

    @Test
    void qualifiedNameIsIncludedWhenItsLastSegmentMatches() {
        TableFilter filter = TableFilter.of(list("orders", "order_*"), NONE);
        assertThat(filter.includes("public.orders")).isTrue();
        assertThat(filter.includes("shop.public.order_items")).isTrue();
        assertThat(filter.includes("orders")).isTrue();
        assertThat(filter.includes("public.customers")).isFalse();
        assertThat(filter.includes("orders.customers")).isFalse();
    }

    @Test
    void qualifiedNameIsIncludedWhenTheFullNameMatches() {
        TableFilter filter = TableFilter.of(list("public.*"), NONE);
        assertThat(filter.includes("public.orders")).isTrue();
        assertThat(filter.includes("audit.orders")).isFalse();
        assertThat(filter.includes("orders")).isFalse();
    }

    @Test
    void namesAndGlobsAreComparedCaseInsensitively() {
        TableFilter filter = TableFilter.of(list("Orders", "PUBLIC.Cust*"), list("*_AUDIT"));
        assertThat(filter.includes("ORDERS")).isTrue();
        assertThat(filter.includes("public.customers")).isTrue();
        assertThat(filter.includes("Public.ORDERS")).isTrue();
        assertThat(filter.includes("orders_audit")).isFalse();
    }

    @Test
    void excludeWinsOverIncludeForTheFullNameOrTheLastSegment() {
        TableFilter filter = TableFilter.of(list("*"), list("*_audit", "archive.*"));
        assertThat(filter.includes("orders")).isTrue();
        assertThat(filter.includes("orders_audit")).isFalse();
        assertThat(filter.includes("public.orders_audit")).isFalse();
        assertThat(filter.includes("archive.orders")).isFalse();
        assertThat(filter.includes("public.orders")).isTrue();
    }

    @Test
    void unknownTableIsIncludedOnlyWhenSomeIncludeGlobIsExactlyStar() {
        assertThat(TableFilter.of(list("orders", "*"), list("orders")).includes(null)).isTrue();
        assertThat(TableFilter.of(list("orders"), NONE).includes(null)).isFalse();
        assertThat(TableFilter.of(list("**"), NONE).includes(null)).isFalse();
        assertThat(TableFilter.of(list("*_x"), NONE).includes(null)).isFalse();
    }

    @Test
    void emptyIncludeListIncludesNothing() {
        TableFilter filter = TableFilter.of(NONE, NONE);
        assertThat(filter.includes("orders")).isFalse();
        assertThat(filter.includes(null)).isFalse();
    }

    @Test
    void regexCharactersInTableGlobsAreLiteral() {
        TableFilter filter = TableFilter.of(list("a.b"), NONE);
        assertThat(filter.includes("a.b")).isTrue();
        assertThat(filter.includes("axb")).isFalse();
    }

    @Test
    void globListsAreCopied() {
        List<String> include = new java.util.ArrayList<>(list("orders"));
        TableFilter filter = TableFilter.of(include, NONE);
        include.add("customers");
        assertThat(filter.includes("customers")).isFalse();
        assertThat(filter).hasToString("include [orders] exclude []");
    }
}
