package io.dualwrite.sample;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArgsTest {

    @Test
    void aFlagTakesNoValueAndOptionsAroundItKeepTheirs() throws Args.UsageException {
        Args args = Args.parse(new String[] {"load", "--url", "jdbc:h2:mem:x", "--hand-written-dual-write",
                "--threads", "3"});

        assertThat(args.flag("hand-written-dual-write")).isTrue();
        assertThat(args.flag("setup-only")).isFalse();
        assertThat(args.required("url")).isEqualTo("jdbc:h2:mem:x");
        assertThat(args.positiveInt("threads", 1)).isEqualTo(3);
    }

    @Test
    void aFlagOfAnotherCommandIsAnUnknownOption() {
        assertThatThrownBy(() -> Args.parse(new String[] {"schema", "--url", "u", "--setup-only"}))
                .isInstanceOf(Args.UsageException.class)
                .hasMessage("unknown option '--setup-only' for schema");
    }

    @Test
    void anUnknownCommandListsTheKnownOnes() {
        assertThatThrownBy(() -> Args.parse(new String[] {"bench"}))
                .isInstanceOf(Args.UsageException.class)
                .hasMessage("unknown command 'bench': one of schema, scenario, demo, load, startup");
    }
}
