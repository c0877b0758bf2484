package org.portzero.suites.checks.connect0;

import java.util.stream.Stream;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.catalogue.CheckFamily;

/** The connect0 family: connect and send to port 0, per variant. */
public final class FamilyChecks implements CheckFamily {

    @Override
    public Stream<Check> checks(Bench bench) {
        return new Connect0Checks(bench).checks();
    }
}
