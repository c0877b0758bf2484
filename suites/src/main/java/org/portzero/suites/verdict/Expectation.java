package org.portzero.suites.verdict;

import java.util.regex.Pattern;
import org.portzero.model.PlatformFacts;

/**
 * One known deviation: a check (an id, or a pattern with {@code *}) that does not hold on the
 * platforms the condition selects, with the reason and a link to the bug, man page or commit.
 */
public record Expectation(String check, Condition when, String reason, String link) {

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
        if (when == null) {
            when = Condition.always();
        }
    }

    public boolean appliesTo(String checkId, PlatformFacts facts) {
        return matches(checkId) && when.holdsOn(facts);
    }

    private boolean matches(String checkId) {
        String regex = Pattern.quote(check).replace("*", "\\E[a-z0-9_]*\\Q");
        return checkId.matches(regex);
    }
}
