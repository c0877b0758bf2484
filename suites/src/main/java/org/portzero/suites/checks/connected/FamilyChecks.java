package org.portzero.suites.checks.connected;

import java.util.stream.Stream;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.catalogue.CheckFamily;

/** The connected family: addresses after connect and accept, then after a UDP disconnect. */
public final class FamilyChecks implements CheckFamily {

    @Override
    public Stream<Check> checks(Bench bench) {
        return Stream.concat(new ConnectedChecks(bench).checks(), new DisconnectChecks(bench).checks());
    }
}
