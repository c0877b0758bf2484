package org.portzero.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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

    /** How many ids a gap line names before it elides the rest. */
    static final int SHOWN = 8;

    public Observations {
        results = List.copyOf(results);
        damage = List.copyOf(damage);
    }

    /** Whether the file was read whole, every result usable. */
    public boolean intact() {
        return damage.isEmpty();
    }

    /**
     * Why the run is broken by its file alone: its damage when it has any (what is missing then follows
     * from the damage), else its {@link #gaps() gaps}; empty when it is not broken.
     */
    public List<String> problems() {
        return damage.isEmpty() ? gaps() : damage;
    }

    /** The damage as one line, or empty. */
    public Optional<String> damageNote() {
        return damage.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", damage));
    }

    /**
     * The families' plans from the header: what the runner meant to run. Empty for a file written
     * before the header had them. An entry naming no known family is left out here and is a gap.
     */
    public Optional<List<FamilyPlan>> catalogue() {
        JsonNode plans = header.path("catalogue");
        if (!plans.isArray()) {
            return Optional.empty();
        }
        List<FamilyPlan> out = new ArrayList<>();
        for (JsonNode plan : plans) {
            Optional<Family> family = familyOf(plan);
            if (family.isEmpty()) {
                continue;
            }
            List<String> ids = new ArrayList<>();
            plan.path("ids").forEach(id -> ids.add(id.asText()));
            JsonNode fault = plan.path("fault");
            out.add(new FamilyPlan(family.get(), ids, fault.isTextual() ? fault.asText() : null));
        }
        return Optional.of(out);
    }

    /**
     * What the run should have recorded and did not, one line each: a family that could not list its
     * checks, a listed check without a result, a result for a check nobody listed, a check reported
     * twice, and a run with no result other than {@code skip}. Any of them makes the run broken.
     */
    public List<String> gaps() {
        List<String> gaps = new ArrayList<>();
        Set<String> reported = new LinkedHashSet<>();
        Set<String> twice = new TreeSet<>();
        for (RecordedResult r : results) {
            if (!reported.add(r.id().toString())) {
                twice.add(r.id().toString());
            }
        }
        if (!twice.isEmpty()) {
            gaps.add(listing(twice.size() + " check(s) reported more than once", twice));
        }
        header.path("catalogue").forEach(plan -> {
            if (familyOf(plan).isEmpty()) {
                gaps.add("the catalogue names an unknown family '" + plan.path("family").asText("") + "'");
            }
        });
        catalogue().ifPresent(plans -> {
            Set<String> planned = new TreeSet<>();
            plans.forEach(p -> planned.add(p.family().id()));
            Set<String> asked = new TreeSet<>();
            header.path("families").forEach(f -> asked.add(f.asText()));
            asked.removeAll(planned);
            if (!asked.isEmpty()) {
                gaps.add(listing(asked.size() + " family(ies) asked for but never listed", asked));
            }
            Set<String> listed = new LinkedHashSet<>();
            for (FamilyPlan plan : plans) {
                if (!plan.listed()) {
                    gaps.add("family " + plan.family().id() + " could not list its checks: " + firstLine(plan.fault()));
                }
                listed.addAll(plan.ids());
            }
            Set<String> missing = new LinkedHashSet<>(listed);
            missing.removeAll(reported);
            if (!missing.isEmpty()) {
                gaps.add(listing(missing.size() + " listed check(s) without a result", missing));
            }
            Set<String> unlisted = new LinkedHashSet<>(reported);
            unlisted.removeAll(listed);
            if (!unlisted.isEmpty()) {
                gaps.add(listing(unlisted.size() + " result(s) for checks the catalogue did not list", unlisted));
            }
        });
        if (results.stream().allMatch(r -> r.verdict() == Verdict.SKIP)) {
            gaps.add(results.isEmpty() ? "no results at all"
                    : "no result other than skip (" + results.size() + " skipped): nothing was judged");
        }
        return gaps;
    }

    private static Optional<Family> familyOf(JsonNode plan) {
        try {
            return Optional.of(Family.of(plan.path("family").asText("")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String listing(String what, Set<String> ids) {
        List<String> shown = ids.stream().limit(SHOWN).toList();
        return what + ": " + String.join(", ", shown) + (ids.size() > SHOWN ? ", …" : "");
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
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
