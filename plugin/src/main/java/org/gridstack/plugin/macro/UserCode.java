package org.gridstack.plugin.macro;

import java.io.Serializable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.gridstack.base.GridStackException;

/**
 * The user's code that the grid runs on every slice: an ImageJ macro or a Groovy script, its text (sent to the
 * server nodes with the job, so it comes only from the connected client) and what to call it in messages.
 */
public final class UserCode implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The languages a lane runs. */
    public enum Language {
        MACRO("macro"), GROOVY("Groovy script");

        final String label;

        Language(String label) {
            this.label = label;
        }
    }

    private final Language language;
    private final String text;
    private final String name;

    /** {@code name}: the file it came from, or null for code given as text. */
    public UserCode(Language language, String text, String name) {
        if (text == null || text.isBlank()) throw new GridStackException("the " + language.label + " is empty");
        this.language = language;
        this.text = text;
        this.name = name;
    }

    /**
     * What a user typed for "macro": a file (.ijm, .txt or .groovy; a Groovy script by its extension) or the code
     * itself. A name ending in one of those extensions that is not a readable file is refused, naming it.
     */
    public static UserCode fromFileOrText(String typed) {
        if (typed == null || typed.isBlank()) throw new GridStackException("macro is blank: give a macro file (.ijm, .groovy) or the macro code");
        String trimmed = typed.trim();
        boolean looksLikeFile = !trimmed.contains("\n") && trimmed.matches("(?s)[^;()\n]*\\.(ijm|txt|groovy)");
        if (!looksLikeFile) return new UserCode(Language.MACRO, typed, null);
        Path file = Path.of(trimmed);
        if (!Files.isRegularFile(file)) throw new GridStackException("macro file not found: " + file.toAbsolutePath());
        try {
            Language language = trimmed.endsWith(".groovy") ? Language.GROOVY : Language.MACRO;
            return new UserCode(language, Files.readString(file), file.getFileName().toString());
        } catch (IOException e) {
            throw new GridStackException("cannot read macro file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    public Language language() {
        return language;
    }

    public String text() {
        return text;
    }

    /** "macro 'blur.ijm'", or "macro" for code given as text. */
    public String describe() {
        return language.label + (name == null ? "" : " '" + name + "'");
    }

    /** The language and a digest of the text: equal for the same code whatever it is called. */
    public String identity() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return language.name().toLowerCase() + " sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
