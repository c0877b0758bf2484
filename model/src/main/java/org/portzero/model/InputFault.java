package org.portzero.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where and why an input file is wrong (platform.yaml, an expectations file, observations.json, a
 * baseline matrix.json), as one line: {@code FILE:LINE:COLUMN: field 'F': what is wrong}. The
 * field is a path into the document ({@code rows[3].cells.host.verdict}), or {@code (file)} when
 * the damage precedes any field. Jackson's own messages omit the file (its source is redacted)
 * and put the location of the enclosing object's start first; {@link #of} puts the file and the
 * place of the damage first.
 *
 * @param file    the file
 * @param line    1-based line; 0 when unknown
 * @param column  1-based column; 0 when unknown
 * @param field   the path of the field at fault
 * @param problem what is wrong, in one line
 */
public record InputFault(Path file, int line, int column, String field, String problem) {

    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: \\d+\\]");
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate (?:field|Object property) '([^']*)'");

    /** The fault a Jackson parse or mapping exception describes, with {@code fieldSoFar} as the field when it has no path. */
    public static InputFault of(Path file, JsonProcessingException e, String fieldSoFar) {
        JsonLocation location = e.getLocation();
        int line = location == null ? 0 : Math.max(0, location.getLineNr());
        int column = location == null ? 0 : Math.max(0, location.getColumnNr());
        String field = fieldSoFar;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = path(mapping);
        } else if (e.getProcessor() instanceof JsonParser parser && parser.getParsingContext() != null) {
            String at = path(parser.getParsingContext());
            field = at.isEmpty() ? fieldSoFar : at;
        }
        String problem = firstLine(e.getOriginalMessage());
        Matcher duplicate = DUPLICATE.matcher(problem);
        if (duplicate.find() && !field.endsWith("." + duplicate.group(1))) {
            field = (field.equals("(file)") ? "" : field + ".") + duplicate.group(1);
            problem = "appears twice";
        }
        return new InputFault(file, line, column, field, problem);
    }

    /** The JSON path of a mapping exception: {@code rows[3].cells.host.verdict}. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(file)" : path.toString();
    }

    /** The path of a parser's context: {@code rows[3].cells.host} while inside that object. */
    public static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray() && c.getCurrentIndex() >= 0) {
                parts.push("[" + c.getCurrentIndex() + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.push(c.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            if (!path.isEmpty() && !part.startsWith("[")) {
                path.append('.');
            }
            path.append(part);
        }
        return path.toString();
    }

    /** The first line of every field path in a JSON document, as far as it parses. */
    public static Map<String, Integer> lines(byte[] content) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(content)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                JsonStreamContext context = token.isStructStart() ? parser.getParsingContext().getParent()
                        : parser.getParsingContext();
                lines.putIfAbsent(path(context), parser.currentTokenLocation().getLineNr());
            }
        } catch (IOException e) {
            // the lines up to the damage are known; the damage itself is reported by the reader
        }
        return lines;
    }

    /** Jackson's first message line, its redacted source locations shortened to {@code line N}, its hints dropped. */
    private static String firstLine(String message) {
        String text = String.valueOf(message).strip();
        int cut = text.indexOf('\n');
        text = cut < 0 ? text : text.substring(0, cut);
        text = SOURCE.matcher(text).replaceAll("line $1");
        int hint = text.indexOf(" (set DeserializationConfig");
        return hint < 0 ? text : text.substring(0, hint);
    }

    /** A fault with no column. */
    public InputFault(Path file, int line, String field, String problem) {
        this(file, line, 0, field, problem);
    }

    public InputFault {
        field = field == null || field.isBlank() ? "(no name)" : field;
    }

    @Override
    public String toString() {
        return file + ":" + line + (column > 0 ? ":" + column : "") + ": field '" + field + "': " + problem;
    }
}
