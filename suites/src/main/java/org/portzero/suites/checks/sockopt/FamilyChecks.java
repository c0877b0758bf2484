package org.portzero.suites.checks.sockopt;

import java.util.stream.Stream;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.catalogue.CheckFamily;

/** The sockopt family: IP_BIND_ADDRESS_NO_PORT and IP_LOCAL_PORT_RANGE. */
public final class FamilyChecks implements CheckFamily {

    @Override
    public Stream<Check> checks(Bench bench) {
        return new SockoptChecks(bench).checks();
    }
}
