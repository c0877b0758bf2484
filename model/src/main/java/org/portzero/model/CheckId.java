package org.portzero.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * {@code family.variant.check}, snake_case, stable forever: the one string that names the Allure
 * test, the observations.json entry, the expectation key and the log line.
 */
public record CheckId(Family family, String variant, String check) {

    private static final Pattern PART = Pattern.compile("[a-z0-9]+(_[a-z0-9]+)*");

    public CheckId {
        if (!PART.matcher(variant).matches() || !PART.matcher(check).matches()) {
            throw new IllegalArgumentException("check id parts must be snake_case: " + variant + "." + check);
        }
    }

    /** The id {@code text} spells; an error says which part is wrong. */
    @JsonCreator
    public static CheckId parse(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a check id family.variant.check: '" + text + "'");
        }
        return new CheckId(Family.of(parts[0]), parts[1], parts[2]);
    }

    @JsonValue
    @Override
    public String toString() {
        return family.id() + "." + variant + "." + check;
    }
}
