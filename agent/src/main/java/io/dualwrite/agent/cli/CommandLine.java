package io.dualwrite.agent.cli;

import io.dualwrite.agent.config.AgentConfig;
import io.dualwrite.agent.config.ConfigException;
import io.dualwrite.agent.config.ConfigLoader;
import java.io.PrintStream;
import java.nio.file.Paths;

/** {@code java -jar dualwrite-agent.jar COMMAND}: the agent's command line. */
public final class CommandLine {

    static final int OK = 0;
    static final int USAGE = 2;

    private static final String USAGE_TEXT = String.join(System.lineSeparator(),
            "usage: java -jar dualwrite-agent.jar COMMAND [OPTIONS]",
            "",
            "commands:",
            "  check --config FILE   validate a configuration file and print what the agent would do",
            "  help                  print this text",
            "",
            "Attach the agent to an application with -javaagent:dualwrite-agent.jar=config=FILE.");

    private CommandLine() {
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            out.println(USAGE_TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        if (args[0].equals("check")) {
            return check(args, out, err);
        }
        err.println("unknown command '" + args[0] + "'");
        err.println(USAGE_TEXT);
        return USAGE;
    }

    private static int check(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 2 && (args[1].equals("--help") || args[1].equals("-h"))) {
            out.println("usage: java -jar dualwrite-agent.jar check --config FILE");
            return OK;
        }
        if (args.length != 3 || !args[1].equals("--config")) {
            err.println("usage: java -jar dualwrite-agent.jar check --config FILE");
            return USAGE;
        }
        try {
            AgentConfig config = ConfigLoader.load(Paths.get(args[2]));
            out.println(config.enabled() ? "valid: " + config.describe() : "valid: the agent is disabled (enabled: false)");
            return OK;
        } catch (ConfigException e) {
            err.println("invalid: " + e.getMessage());
            return USAGE;
        }
    }
}
