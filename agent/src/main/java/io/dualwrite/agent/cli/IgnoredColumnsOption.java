package io.dualwrite.agent.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --ignore-columns}, for the commands that compare rows. */
final class IgnoredColumnsOption {

    @Option(names = "--ignore-columns", split = ",", paramLabel = "TABLE.COLUMN,...",
            description = "Columns not to compare (nor, for repair, to update).")
    List<String> columns = new ArrayList<>();
}
