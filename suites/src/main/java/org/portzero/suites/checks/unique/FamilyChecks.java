package org.portzero.suites.checks.unique;

import java.util.stream.Stream;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.catalogue.CheckFamily;

/** The unique family: crowds per variant, properties, the stateful port table, threads, TIME_WAIT. */
public final class FamilyChecks implements CheckFamily {

    @Override
    public Stream<Check> checks(Bench bench) {
        UniqueChecks checks = new UniqueChecks(bench);
        return Stream.of(checks.checks(), checks.properties(),
                new org.portzero.suites.checks.unique.porttable.PortTableChecks(bench).checks(),
                new ConcurrencyChecks(bench).checks(), new TimeWaitChecks(bench).checks()).flatMap(s -> s);
    }
}
