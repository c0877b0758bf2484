package org.portzero.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One result of {@code observations.json} as a reader sees it: the two fields every reader needs,
 * typed, and the whole entry for what only some readers show (observations, parameters, specs).
 *
 * @param id      the check id
 * @param verdict the verdict
 * @param json    the entry as written
 */
public record RecordedResult(CheckId id, Verdict verdict, JsonNode json) {

    public Family family() {
        return id.family();
    }

    /** A text field of the entry, or empty when it is absent or null. */
    public String text(String field) {
        JsonNode node = json.path(field);
        return node.isMissingNode() || node.isNull() ? "" : node.asText();
    }

    public String layer() {
        return text("layer");
    }

    /** The observed outcome in short form: the claim's result, what views compare. */
    public String observed() {
        return text("observed");
    }

    /**
     * The numbers behind the outcome (how many sockets, which window), shown and never compared;
     * empty when the entry has none (a file written before the field existed).
     */
    public String figures() {
        return text("figures");
    }

    /** Why it failed, was skipped or is broken. */
    public String message() {
        return text("message");
    }
}
