package org.portzero.suites.verdict;

import java.util.regex.Pattern;
import org.portzero.model.PlatformFacts;

/**
 * One known deviation: a check (an id, or a pattern with {@code *}) that does not hold on the
 * platforms the condition selects, the outcome it shows there instead, the reason and a link to
 * the bug, man page or commit. Only that outcome is {@code xfail}; any other deviation of the same
 * check is a {@code fail}, so an expectation never hides a second bug.
 *
 * @param check    an id, or a pattern with {@code *} within a part
 * @param when     the platforms it applies to; required, and must name at least one condition: a
 *                 deviation that holds everywhere is a failing check, not an expectation
 * @param observed the short-form outcome the check observes on those platforms (e.g. {@code ok})
 * @param reason   why the platform deviates
 * @param link     the bug, man page or commit
 */
public record Expectation(String check, Condition when, String observed, String reason, String link) {

    private static final Pattern ID_PATTERN = Pattern.compile("[a-z0-9_*]+\\.[a-z0-9_*]+\\.[a-z0-9_*]+");

    public Expectation {
        if (check == null || !ID_PATTERN.matcher(check).matches()) {
            throw new IllegalArgumentException("check must be an id family.variant.check (snake_case, '*' allowed), was '"
                    + check + "'");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason is required for " + check);
        }
        if (link == null || !link.matches("https?://\\S+|man:\\S+|JDK-\\d+")) {
            throw new IllegalArgumentException("link must be an http(s) URL, man:page or JDK-NNNN for " + check
                    + ", was '" + link + "'");
        }
    }

    /**
     * Refuses an entry without a condition or without the outcome it expects. Checked once the whole
     * entry is read, so that a misspelt key is reported as such rather than as the key it misses.
     */
    public Expectation complete() {
        if (when == null || when.equals(Condition.always())) {
            throw new IllegalArgumentException("when is required for " + check + " and must name a condition (kernel, jdk,"
                    + " bindv6only, ipv6, distro, stack): a deviation on every platform is a failing check, not an expectation");
        }
        if (observed == null || observed.isBlank()) {
            throw new IllegalArgumentException("observed is required for " + check + ": the outcome the deviation shows"
                    + " (the check's short-form 'observed', e.g. ok or EADDRINUSE); any other outcome stays a fail");
        }
        return this;
    }

    /** Whether {@code outcome} is the deviation this expectation names. */
    public boolean names(String outcome) {
        return observed.equals(outcome);
    }

    public boolean appliesTo(String checkId, PlatformFacts facts) {
        return matches(checkId) && when.holdsOn(facts);
    }

    /** Whether the entry names {@code checkId} (its id, or its pattern). */
    public boolean matches(String checkId) {
        String regex = Pattern.quote(check).replace("*", "\\E[a-z0-9_]*\\Q");
        return checkId.matches(regex);
    }
}
