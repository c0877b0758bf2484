package org.portzero.suites.catalogue;

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

    @Override
    public String toString() {
        return family.id() + "." + variant + "." + check;
    }
}
