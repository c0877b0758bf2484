package org.portzero.suites.verdict;

import java.util.List;
import java.util.Map;
import org.portzero.model.SpecLink;
import org.portzero.model.Verdict;
import org.portzero.suites.probe.Observation;

/**
 * One entry of {@code observations.json}: a check's verdict on this platform with what was observed.
 *
 * @param id             {@code family.variant.check}
 * @param family         the family part of the id
 * @param variant        the variant part of the id
 * @param check          the check part of the id
 * @param layer          the layer under test
 * @param verdict        pass, fail, xfail, xpass, skip or broken
 * @param observed       the observed outcome in short form: the claim's result, what the matrix and diff compare
 * @param expected       the expected outcome in short form
 * @param message        why it failed (a bug report), why it was skipped, or why it is broken
 * @param reason         for xfail/xpass, the expectation's reason
 * @param link           for xfail/xpass, the expectation's link
 * @param seed           the property engine's seed, for property checks
 * @param durationMillis how long the check ran
 * @param parameters     the variant's fields
 * @param specs          where the claim comes from
 * @param observations   the calls the check made, in order (all of them for fail and broken)
 * @param elided         how many calls in the middle were left out of {@code observations}
 * @param generated      for a property: generated examples per kind (socket shape, call kind), else null
 * @param figures        the numbers behind {@code observed} (how many sockets, which window), shown, never compared
 */
public record CheckResult(String id, String family, String variant, String check, String layer, Verdict verdict,
                          String observed, String expected, String message, String reason, String link, Long seed,
                          long durationMillis, Map<String, String> parameters, List<SpecLink> specs,
                          List<Observation> observations, int elided,
                          Map<String, Integer> generated, String figures) {

    public CheckResult(String id, String family, String variant, String check, String layer, Verdict verdict,
                       String observed, String expected, String message, String reason, String link, Long seed,
                       long durationMillis, Map<String, String> parameters, List<SpecLink> specs,
                       List<Observation> observations, int elided, Map<String, Integer> generated) {
        this(id, family, variant, check, layer, verdict, observed, expected, message, reason, link, seed,
                durationMillis, parameters, specs, observations, elided, generated, null);
    }

    /** The same result with the numbers behind its outcome. */
    public CheckResult withFigures(String figures) {
        return new CheckResult(id, family, variant, check, layer, verdict, observed, expected, message, reason, link,
                seed, durationMillis, parameters, specs, observations, elided, generated, figures);
    }
}
