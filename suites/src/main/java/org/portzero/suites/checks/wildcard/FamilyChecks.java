package org.portzero.suites.checks.wildcard;

import java.util.stream.Stream;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.catalogue.CheckFamily;

/** The wildcard family: scenario checks per variant, then the properties. */
public final class FamilyChecks implements CheckFamily {

    @Override
    public Stream<Check> checks(Bench bench) {
        WildcardChecks checks = new WildcardChecks(bench);
        return Stream.concat(checks.checks(), checks.properties());
    }
}
