package io.dualwrite.agent.config;

import java.io.StringReader;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Turns YAML text into SnakeYAML's node tree. Syntax errors become ConfigExceptions with the line and column but
 * without SnakeYAML's own text where that quotes the document, which may hold a secret.
 */
final class YamlComposer {

    private YamlComposer() {
    }

    /** The document's root node, or null when the text holds no document. */
    static Node compose(String text, String source) throws ConfigException {
        LoaderOptions options = new LoaderOptions();
        try {
            return new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            // Not chained as the cause: SnakeYAML's own message quotes the offending line, which may hold a secret.
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            StringBuilder problem = new StringBuilder("invalid YAML");
            if (mark != null) {
                problem.append(" at column ").append(mark.getColumn() + 1);
            }
            problem.append(": ").append(yamlProblem(e.getProblem()));
            Mark contextMark = e.getContextMark();
            if (e.getProblem() != null && e.getProblem().startsWith("but found another document")) {
                throw new ConfigException(source, line, null, "found a second YAML document",
                        "the config file must hold a single document; remove the --- line and what follows, or "
                                + "merge the documents");
            }
            if (e.getContext() != null && contextMark != null && mark != null
                    && contextMark.getLine() != mark.getLine()) {
                problem.append(" (").append(e.getContext()).append(" on line ")
                        .append(contextMark.getLine() + 1).append(')');
            }
            throw new ConfigException(source, line, null, problem.toString(),
                    "fix the YAML syntax; put values that contain characters such as : # * & ! { } [ ] in quotes");
        } catch (ReaderException e) {
            int[] lineAndColumn = lineAndColumn(text, e.getPosition());
            throw new ConfigException(source, lineAndColumn[0], null, "invalid YAML at column " + lineAndColumn[1]
                    + ": the file contains the character " + String.format("U+%04X", e.getCodePoint())
                    + ", which YAML does not allow", "remove it, or write it as an escape such as \\u0001 "
                    + "inside double quotes");
        } catch (YAMLException e) {
            throw new ConfigException(source, 0, null, "invalid YAML: " + yamlProblem(e.getMessage()),
                    "fix the YAML");
        }
    }

    /** The 1-based line and column of a code point index. */
    private static int[] lineAndColumn(String text, int codePointIndex) {
        int line = 1;
        int column = 1;
        int i = 0;
        for (int n = 0; n < codePointIndex && i < text.length(); n++) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            boolean crlf = c == '\r' && i < text.length() && text.charAt(i) == '\n';
            if (c == '\n' || (c == '\r' && !crlf)) {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }

    /** SnakeYAML's problem text, without the parts that quote the document (an alias or tag may be a secret). */
    private static String yamlProblem(String problem) {
        if (problem == null) {
            return "unknown problem";
        }
        if (problem.startsWith("found undefined alias")) {
            return "found an alias (*name) that refers to no anchor (a value starting with * must be in quotes)";
        }
        int butFound = problem.indexOf(", but found");
        if (problem.startsWith("expected escape sequence") && butFound > 0) {
            // "... but found: <up to 8 characters of the value>"
            return problem.substring(0, butFound);
        }
        if (problem.startsWith("found undefined tag handle") || problem.startsWith("expected URI")
                || problem.startsWith("Global tag is not allowed")) {
            return "found an invalid tag (a value starting with ! must be in quotes)";
        }
        return problem.length() <= 200 ? problem : problem.substring(0, 197) + "...";
    }
}
