package org.portzero.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A run's {@code observations.json} as far as it could be read: every usable result in file
 * order, and what was wrong with the file. A file with damage still yields the results before it.
 *
 * @param file    the file read
 * @param header  the top-level fields other than {@code results}
 * @param results every usable result, in file order
 * @param damage  what was wrong, one line each naming the file, line and field; empty when nothing was
 */
public record Observations(Path file, JsonNode header, List<RecordedResult> results, List<String> damage) {

    public Observations {
        results = List.copyOf(results);
        damage = List.copyOf(damage);
    }

    /** Whether the file was read whole, every result usable. */
    public boolean intact() {
        return damage.isEmpty();
    }

    /** The damage as one line, or empty. */
    public Optional<String> damageNote() {
        return damage.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", damage));
    }

    public long wallMillis() {
        return header.path("wallMillis").asLong(0);
    }

    public String harnessVersion() {
        return header.path("harnessVersion").asText("");
    }

    public String finishedAt() {
        return header.path("finishedAt").asText("");
    }
}
