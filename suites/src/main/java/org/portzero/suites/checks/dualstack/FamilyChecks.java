package org.portzero.suites.checks.dualstack;

import java.util.stream.Stream;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.catalogue.CheckFamily;

/** The dualstack family: bind conflicts between wildcard, loopback and v4-mapped addresses (docs/CATALOGUE.md, B24). */
public final class FamilyChecks implements CheckFamily {

    @Override
    public Stream<Check> checks(Bench bench) {
        return new DualstackChecks(bench).checks();
    }
}
