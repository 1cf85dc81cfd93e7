package io.dualwrite.agent.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.function.Function;

/**
 * Resolves {@code ${env:NAME}} and {@code ${file:PATH}} references inside a string value; {@code $${} is a
 * literal {@code ${}. A file reference gives the file's content (UTF-8) without one trailing line break.
 *
 * <p>Error messages name the variable or the path, never a resolved value, and never echo the raw value of a
 * secret.
 */
final class References {

    /** Turns a problem into a ConfigException that knows the source, line and key. */
    interface Failure {
        ConfigException at(String problem, String remedy);
    }

    private static final String LITERAL_HINT = "write $${ for a literal ${";

    private final Function<String, String> environment;
    private final Path baseDir;

    /**
     * @param environment looks up environment variables
     * @param baseDir     what relative {@code ${file:}} paths are relative to; null for the working directory
     */
    References(Function<String, String> environment, Path baseDir) {
        this.environment = environment;
        this.baseDir = baseDir;
    }

    /**
     * @param raw     the value as written in the YAML file
     * @param secret  whether the value is a secret (then not even parts of it appear in messages)
     * @param failure makes the exception for a problem
     */
    String resolve(String raw, boolean secret, Failure failure) throws ConfigException {
        if (raw.indexOf('$') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            if (raw.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (raw.startsWith("${", i)) {
                int close = raw.indexOf('}', i + 2);
                if (close < 0) {
                    throw failure.at("has a ${ reference without a closing }",
                            "close it, as in ${env:NAME} or ${file:PATH}, or " + LITERAL_HINT);
                }
                out.append(lookUp(raw.substring(i + 2, close), secret, failure));
                i = close + 1;
            } else {
                out.append(raw.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    private String lookUp(String reference, boolean secret, Failure failure) throws ConfigException {
        if (reference.startsWith("env:")) {
            String name = reference.substring(4).trim();
            if (name.isEmpty()) {
                throw failure.at("${env:} names no environment variable", "write ${env:NAME}");
            }
            String value = environment.apply(name);
            if (value == null) {
                throw failure.at("environment variable " + name + " is not set", "set it or change the reference");
            }
            return value;
        }
        if (reference.startsWith("file:")) {
            String name = reference.substring(5).trim();
            if (name.isEmpty()) {
                throw failure.at("${file:} names no file", "write ${file:PATH}");
            }
            return readFile(name, failure);
        }
        String shown = secret ? "an unknown reference" : "unknown reference ${" + reference + "}";
        throw failure.at("has " + shown,
                "use ${env:NAME} for an environment variable or ${file:PATH} for a file's content, or " + LITERAL_HINT);
    }

    private String readFile(String name, Failure failure) throws ConfigException {
        Path path;
        try {
            path = Paths.get(name);
        } catch (InvalidPathException e) {
            throw failure.at("${file:" + name + "} is not a valid path (" + e.getReason() + ")",
                    "give the path of a readable file");
        }
        if (baseDir != null && !path.isAbsolute()) {
            path = baseDir.resolve(path);
        }
        if (Files.isDirectory(path)) {
            throw failure.at("file " + path + " (from ${file:" + name + "}) is a directory",
                    "give the path of a file or change the reference");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw failure.at("file " + path + " (from ${file:" + name + "}) does not exist",
                    "create it or change the reference");
        } catch (AccessDeniedException e) {
            throw failure.at("file " + path + " (from ${file:" + name + "}) cannot be read: permission denied",
                    "make it readable for the application's user or change the reference");
        } catch (IOException e) {
            throw failure.at("file " + path + " (from ${file:" + name + "}) cannot be read ("
                    + e.getClass().getSimpleName() + ")", "make it readable or change the reference");
        }
        String content;
        try {
            content = ConfigFile.decodeUtf8(bytes);
        } catch (CharacterCodingException e) {
            throw failure.at("file " + path + " (from ${file:" + name + "}) is not UTF-8 text",
                    "save it as UTF-8 or change the reference");
        }
        if (content.endsWith("\r\n")) {
            return content.substring(0, content.length() - 2);
        }
        if (content.endsWith("\n")) {
            return content.substring(0, content.length() - 1);
        }
        return content;
    }
}
