package org.portzero.suites.checks.bind0;

import java.util.stream.Stream;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.catalogue.CheckFamily;

/** The bind0 family: scenario checks per variant, then the properties. */
public final class FamilyChecks implements CheckFamily {

    @Override
    public Stream<Check> checks(Bench bench) {
        Bind0Checks checks = new Bind0Checks(bench);
        return Stream.concat(checks.checks(), checks.properties());
    }
}
