package org.portzero.containers.platform;

import java.nio.file.Path;

/**
 * A platform.yaml that cannot be accepted: names the file, the line (1-based, 0 when unknown)
 * and the field, so the message reads {@code platforms/x/platform.yaml:7: field 'timeout': ...}.
 */
public final class MalformedPlatform extends RuntimeException {

    private final Path file;
    private final int line;
    private final String field;

    public MalformedPlatform(Path file, int line, String field, String problem) {
        super(file + ":" + line + ": field '" + named(field) + "': " + problem);
        this.file = file;
        this.line = line;
        this.field = named(field);
    }

    /** A YAML key may be empty ({@code : x}, an anchor eating the name); it is shown as {@code (no name)}. */
    private static String named(String field) {
        return field.isBlank() ? "(no name)" : field;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }
}
