package org.portzero.suites.checks.unique;

import java.util.stream.Stream;
import org.portzero.model.Family;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.catalogue.CheckFamily;

/**
 * The unique family: crowds per variant, properties, threads, TIME_WAIT, and the stateful port table
 * last: its sequences may leave TIME_WAIT entries inside the range ({@link Family.Range#LEAVES_TIME_WAIT}),
 * so every check that needs the range's free ports runs before it.
 */
public final class FamilyChecks implements CheckFamily {

    @Override
    public Stream<Check> checks(Bench bench) {
        UniqueChecks checks = new UniqueChecks(bench);
        return Stream.of(checks.checks(), checks.properties(), new ConcurrencyChecks(bench).checks(),
                new TimeWaitChecks(bench).checks(),
                new org.portzero.suites.checks.unique.porttable.PortTableChecks(bench).checks()).flatMap(s -> s);
    }
}
