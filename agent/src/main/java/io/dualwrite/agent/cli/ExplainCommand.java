package io.dualwrite.agent.cli;

import io.dualwrite.agent.translate.SqlDialect;
import io.dualwrite.agent.translate.SqlScript;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code explain --config FILE SQL...}: how the agent would treat statements, checked before going live. */
@Command(name = "explain", separator = " ", sortOptions = false,
        description = "Print how the agent would treat SQL statements: their classification, whether they are "
                + "mirrored and why, and for the secondary its statement and where each of its values comes from. "
                + "Connects to no database.",
        footer = {"",
            "Statements: each SQL argument is one statement; '-' as an argument reads more from standard input, "
                + "and so does --file FILE: ended by ';', or one per line in a text without any ';'.",
            "Exit codes: 0 every statement explained, 1 some mirrored statement cannot be translated for the "
                + "secondary (the agent would keep its writes in the dead-letter file with the reason shown), 2 usage "
                + "error or the configuration or --file cannot be read."})
final class ExplainCommand implements Callable<Integer> {

    /** Done, with a finding: some mirrored statement cannot be translated. */
    static final int UNTRANSLATABLE = 1;

    private static final String STDIN = "-";

    @Mixin
    HelpOption help;

    @Mixin
    ConfigOption config;

    @Option(names = "--file", paramLabel = "FILE", description = "Read statements from FILE ('-': standard input).")
    String file;

    @Option(names = "--json", description = "Print one JSON object per statement, one per line.")
    boolean json;

    @Parameters(paramLabel = "SQL", arity = "0..*", description = "A statement, as the application sends it, with "
            + "? for its bound values.")
    List<String> arguments = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws CommandFailure {
        if (arguments.isEmpty() && file == null) {
            throw new ParameterException(spec.commandLine(), "Give the statements to explain: as arguments, '-' to "
                    + "read them from standard input, or --file FILE");
        }
        Explainer explainer = new Explainer(config.load());
        List<String> statements = statements(explainer.translator().from());
        PrintWriter out = spec.commandLine().getOut();
        boolean untranslatable = false;
        for (int i = 0; i < statements.size(); i++) {
            Explanation explanation = explainer.explain(statements.get(i));
            untranslatable |= explanation.isUntranslatable();
            if (json) {
                out.println(explanation.json());
            } else {
                out.println((i > 0 ? System.lineSeparator() : "") + explanation.text(i + 1));
            }
        }
        return untranslatable ? UNTRANSLATABLE : AgentCli.OK;
    }

    /** The arguments in order, a {@code -} among them read from standard input, then the file's. */
    private List<String> statements(SqlDialect dialect) throws CommandFailure {
        List<String> statements = new ArrayList<>();
        for (String argument : arguments) {
            if (argument.equals(STDIN)) {
                statements.addAll(SqlScript.statements(read(STDIN), dialect));
            } else if (!argument.isBlank()) {
                statements.add(argument.trim());
            }
        }
        if (file != null) {
            statements.addAll(SqlScript.statements(read(file), dialect));
        }
        if (statements.isEmpty()) {
            throw new CommandFailure("no statement to explain: what was given holds only blanks and comments");
        }
        return statements;
    }

    private static String read(String source) throws CommandFailure {
        try {
            if (source.equals(STDIN)) {
                InputStream in = System.in;
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(source), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CommandFailure("--file " + source + " does not exist; give a file with the statements");
        } catch (IOException e) {
            throw new CommandFailure("cannot read " + (source.equals(STDIN) ? "standard input" : "--file " + source)
                    + ": " + e);
        }
    }
}
