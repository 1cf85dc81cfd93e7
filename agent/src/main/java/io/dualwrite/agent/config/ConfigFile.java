package io.dualwrite.agent.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Reads the config file's text, with messages that say how to fix a missing, unreadable or non-UTF-8 file. */
final class ConfigFile {

    private ConfigFile() {
    }

    /**
     * @param origin how the file was given (e.g. {@code system property dualwrite.config}), or null when it was
     *               given to {@link ConfigLoader#load(Path)} directly
     */
    static String read(Path file, String origin) throws ConfigException {
        String source = file.toString();
        String givenBy = origin == null ? "" : " (given by " + origin + ")";
        String fix = origin == null ? "check the path; " + ConfigSource.HOW_TO_GIVE : "check the " + origin;
        if (Files.isDirectory(file)) {
            throw new ConfigException(source, 0, null, "the config file is a directory" + givenBy,
                    "give the path of the YAML file; " + fix);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            String where = file.isAbsolute() ? "" : ", relative to the working directory "
                    + Paths.get("").toAbsolutePath();
            throw new ConfigException(source, 0, null, "the config file does not exist" + givenBy + where,
                    "create it or " + fix, e);
        } catch (AccessDeniedException e) {
            throw new ConfigException(source, 0, null, "the config file cannot be read: permission denied" + givenBy,
                    "make it readable for the application's user or " + fix, e);
        } catch (IOException e) {
            throw new ConfigException(source, 0, null, "the config file cannot be read ("
                    + e.getClass().getSimpleName() + ")" + givenBy, fix, e);
        }
        try {
            return decodeUtf8(bytes);
        } catch (CharacterCodingException e) {
            throw new ConfigException(source, 0, null, "the config file is not UTF-8 text", "save it as UTF-8");
        }
    }

    /**
     * Decodes UTF-8 strictly, for the config file and the files it references: a malformed byte replaced by U+FFFD
     * would silently change a password or a URL.
     */
    static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }
}
