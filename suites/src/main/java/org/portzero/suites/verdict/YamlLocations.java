package org.portzero.suites.verdict;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where things are in a YAML list of mappings: the line each entry starts on and the line of
 * each key in it. Jackson reports errors in record entries at the end of the entry; this gives
 * the line a person should look at.
 */
final class YamlLocations {

    private final Map<Integer, Integer> entryLines = new HashMap<>();
    private final Map<String, Integer> keyLines = new HashMap<>();

    private YamlLocations() {
    }

    /** Best effort: a document too broken to tokenize yields no locations. */
    static YamlLocations of(String yaml) {
        YamlLocations at = new YamlLocations();
        try (JsonParser p = new YAMLFactory().createParser(yaml)) {
            int depth = 0;
            int entry = -1;
            StringBuilder path = new StringBuilder();
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case START_OBJECT, START_ARRAY -> {
                        depth++;
                        if (depth == 2 && t == JsonToken.START_OBJECT) {
                            entry++;
                            at.entryLines.put(entry, p.currentLocation().getLineNr());
                        }
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    case FIELD_NAME -> {
                        if (depth == 2) {
                            path.setLength(0);
                            path.append(p.currentName());
                        }
                        String key = depth == 2 ? p.currentName() : path + "." + p.currentName();
                        at.keyLines.putIfAbsent(entry + ":" + key, p.currentLocation().getLineNr());
                    }
                    default -> { }
                }
            }
        } catch (IOException | RuntimeException e) {
            // The caller reports Jackson's own location instead.
        }
        return at;
    }

    /** The line of {@code key} (dotted below the entry, e.g. {@code when.kernel}) in entry {@code index}. */
    Integer keyLine(int index, String key) {
        return keyLines.get(index + ":" + key);
    }

    Integer entryLine(int index) {
        return entryLines.get(index);
    }
}
