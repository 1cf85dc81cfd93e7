package io.dualwrite.agent.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code java -jar dualwrite-agent.jar COMMAND}: the agent's command line. Exit codes are the same for every
 * command: 0 done, 1 done with a finding (records dead-lettered by replay, rows differing for verify and repair,
 * statements that cannot be translated for explain), 2 usage error or failure.
 */
@Command(name = "java -jar dualwrite-agent.jar", separator = " ", sortOptions = false,
        subcommands = {CheckCommand.class, ExplainCommand.class, JournalCommand.class, ReplayCommand.class,
            VerifyCommand.class, RepairCommand.class, BackfillCommand.class, CommandLine.HelpCommand.class},
        description = "The dualwrite agent's command line. Attach the agent to an application with "
                + "-javaagent:dualwrite-agent.jar=config=FILE.",
        footer = {"", "Exit codes: 0 done, 1 done with a finding (replay: some records dead-lettered; verify, repair: "
                + "rows differ; explain: a statement cannot be translated), 2 usage error or failure.",
            "'COMMAND --help' tells more about each command."})
public final class AgentCli implements Callable<Integer> {

    static final int OK = 0;
    /** Usage errors and failures; 1 is left for "done, with a finding": dead-lettered records, differing rows. */
    static final int FAILED = 2;

    /** Picocli's own default width for usage help. */
    private static final int LIST_WIDTH = 80;

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    public static int run(String[] args) {
        try {
            return run(args, System.out, System.err);
        } catch (RuntimeException | LinkageError bug) {
            // exit 1 means "dead-lettered" or "rows differ": a bug must not pass for that
            bug.printStackTrace();
            return FAILED;
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new AgentCli())
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(AgentCli::usageError)
                .setExecutionExceptionHandler(AgentCli::failure);
        commandLine.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, AgentCli::commandList);
        int status = commandLine.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** Without a command there is nothing to do: the usage goes to stderr, as for any other usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return FAILED;
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine culprit = e.getCommandLine();
        PrintWriter err = culprit.getErr();
        if (e instanceof UnmatchedArgumentException && culprit.getParent() == null && isCommandName(args)) {
            err.println("unknown command '" + args[0] + "'");
        } else {
            err.println(e.getMessage());
        }
        culprit.usage(err);
        return FAILED;
    }

    private static boolean isCommandName(String[] args) {
        return args.length > 0 && !args[0].startsWith("-");
    }

    /**
     * A {@link CommandFailure} already says what to do; anything else (the disk failing under the journal, a bug)
     * is shown with its class, to be looked up.
     */
    private static int failure(Exception e, CommandLine commandLine, ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        err.println(e instanceof CommandFailure ? "error: " + e.getMessage() : "error: " + e);
        return FAILED;
    }

    /**
     * Every command and subcommand with its options, as in {@code journal dump --config FILE [--limit N]}, so the
     * top-level help shows the whole command line at once.
     */
    private static String commandList(Help help) {
        StringBuilder text = new StringBuilder();
        list(help.commandSpec(), "", text);
        return text.toString();
    }

    private static void list(CommandSpec parent, String prefix, StringBuilder text) {
        for (Map.Entry<String, CommandLine> entry : parent.subcommands().entrySet()) {
            CommandSpec command = entry.getValue().getCommandSpec();
            String path = prefix + entry.getKey();
            text.append("  ").append(path).append(synopsis(command)).append(System.lineSeparator());
            wrap(summary(command), "      ", LIST_WIDTH, text);
            list(command, path + " ", text);
        }
    }

    /** The header when a command has one, else the first line of its description. */
    private static String summary(CommandSpec command) {
        String[] lines = command.usageMessage().header();
        if (lines.length == 0) {
            lines = command.usageMessage().description();
        }
        return lines.length == 0 ? "" : lines[0];
    }

    private static void wrap(String words, String indent, int width, StringBuilder text) {
        StringBuilder line = new StringBuilder(indent);
        for (String word : words.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
                text.append(line).append(System.lineSeparator());
                line.setLength(0);
                line.append(indent);
            }
            line.append(line.length() > indent.length() ? " " : "").append(word);
        }
        text.append(line).append(System.lineSeparator());
    }

    /** Required options first, as the help of every command shows {@code --config FILE} first. */
    private static String synopsis(CommandSpec command) {
        StringBuilder required = new StringBuilder();
        StringBuilder optional = new StringBuilder();
        for (OptionSpec option : command.options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            String name = option.longestName();
            String form = option.arity().max() == 0 ? name : name + " " + option.paramLabel();
            if (option.required()) {
                required.append(' ').append(form);
            } else {
                optional.append(" [").append(form).append(']');
            }
        }
        if (!command.positionalParameters().isEmpty()) {
            optional.append(" [").append(command.positionalParameters().get(0).paramLabel()).append(']');
        }
        return required.append(optional).toString();
    }
}
