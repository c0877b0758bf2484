package org.portzero.suites.checks.sandbox;

import java.util.stream.Stream;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.catalogue.CheckFamily;

/** The sandbox family: the confinement a platform declares, seen from inside. */
public final class FamilyChecks implements CheckFamily {

    @Override
    public Stream<Check> checks(Bench bench) {
        return new SandboxChecks(bench).checks();
    }
}
