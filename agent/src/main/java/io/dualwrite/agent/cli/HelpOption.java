package io.dualwrite.agent.cli;

import picocli.CommandLine.Option;

/** {@code -h}, {@code --help} on every command. */
final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Print the help of this command and exit.")
    boolean requested;
}
