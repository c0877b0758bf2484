package org.portzero.suites.checks.reserved;

import java.util.stream.Stream;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.catalogue.CheckFamily;

/** The reserved family: reserved ports never autobound, yet bindable. */
public final class FamilyChecks implements CheckFamily {

    @Override
    public Stream<Check> checks(Bench bench) {
        return new ReservedChecks(bench).checks();
    }
}
