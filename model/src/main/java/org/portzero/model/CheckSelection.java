package org.portzero.model;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which checks run, as {@code -Dportzero.checks=} spells it: comma-separated globs over whole check
 * ids, where {@code *} matches any run of characters, dots included, and {@code ?} any one
 * character. {@code bind0.*} is the family bind0; {@code *.port_in_range} one check of every
 * variant; {@code unique.generated_libc.ports_distinct} one check. Unset, every check runs.
 *
 * @param globs the globs as given; empty selects everything
 */
public record CheckSelection(List<String> globs) {

    private static final Pattern WILDCARD = Pattern.compile("[*?]");

    public CheckSelection {
        globs = List.copyOf(globs);
        for (String glob : globs) {
            if (glob.isBlank()) {
                throw new IllegalArgumentException("-D" + RunnerProperty.CHECKS.key() + ": an empty glob selects nothing");
            }
            family(glob).ifPresent(Family::of);   // bind0x.* names no family: said now, not after an empty run
        }
    }

    public static final CheckSelection EVERY_CHECK = new CheckSelection(List.of());

    /** {@code "bind0.*,unique.*"} → two globs; null or blank → every check. */
    public static CheckSelection of(String text) {
        if (text == null || text.isBlank()) {
            return EVERY_CHECK;
        }
        return new CheckSelection(Arrays.stream(text.split(",")).map(String::strip).toList());
    }

    public static CheckSelection fromSystemProperties() {
        return of(System.getProperty(RunnerProperty.CHECKS.key()));
    }

    public boolean selectsEverything() {
        return globs.isEmpty();
    }

    public boolean matches(String checkId) {
        return globs.isEmpty() || globs.stream().anyMatch(glob -> regex(glob).matcher(checkId).matches());
    }

    /**
     * The families the globs can reach: every family when some glob's family part has a wildcard,
     * else the families they name ({@code bind0.*,bind0.x.y,unique.*} → bind0, unique).
     */
    public Set<Family> families() {
        Set<Family> reached = new LinkedHashSet<>();
        for (String glob : globs) {
            Optional<String> family = family(glob);
            if (family.isEmpty()) {
                return Set.of(Family.values());
            }
            reached.add(Family.of(family.get()));
        }
        return globs.isEmpty() ? Set.of(Family.values()) : reached;
    }

    /** The glob's literal family part ({@code bind0} of {@code bind0.*}); empty when it holds a wildcard. */
    private static Optional<String> family(String glob) {
        int dot = glob.indexOf('.');
        String head = dot < 0 ? glob : glob.substring(0, dot);
        return WILDCARD.matcher(head).find() || dot < 0 ? Optional.empty() : Optional.of(head);
    }

    private static Pattern regex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public String toString() {
        return globs.isEmpty() ? "every check" : String.join(",", globs);
    }
}
