package org.portzero.model;

import java.util.List;
import java.util.Objects;

/**
 * What the runner meant to run of one family, written in the header of {@code observations.json}
 * before any result: the check ids the family listed, or why it could not list them. A reader
 * compares the results against it, so a check that never reported is seen, not silently absent.
 *
 * @param family the family
 * @param ids    every check id the family listed, in run order; empty when it could not list them
 * @param fault  why listing the family's checks failed (its factory threw), or null
 */
public record FamilyPlan(Family family, List<String> ids, String fault) {

    public FamilyPlan {
        Objects.requireNonNull(family, "family");
        ids = ids == null ? List.of() : List.copyOf(ids);
    }

    public static FamilyPlan listed(Family family, List<String> ids) {
        return new FamilyPlan(family, ids, null);
    }

    public static FamilyPlan unlisted(Family family, String fault) {
        return new FamilyPlan(family, List.of(), fault);
    }

    public boolean listed() {
        return fault == null;
    }
}
