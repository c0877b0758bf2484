package org.portzero.suites.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.portzero.model.EphemeralRange;
import org.portzero.model.PortSet;
import org.portzero.suites.facts.PlatformFactsReader;
import org.portzero.suites.probe.Transport;
import org.portzero.suites.verdict.PreconditionUnmet;
import org.portzero.suites.verdict.SetupFailed;

/** The budget counts the range less reserved and listed ports, and skips with one wording when short. */
class PortBudgetTest {

    /** 40000-40009: 40002-40003 reserved, 40005 in TCP use (and a listed port outside the range), 40007 in UDP use. */
    private static final PortBudget TEN = new PortBudget(new EphemeralRange(40000, 40009), PortSet.parse("40002-40003"),
            Set.of(40005, 8080), Set.of(40007), 100);

    @Test
    void freePortsAreTheRangeLessReservedLessInUse() {
        assertThat(TEN.freePorts(Transport.TCP)).isEqualTo(7);
        assertThat(TEN.freePorts(Transport.UDP)).isEqualTo(7);
        assertThat(TEN.freePorts(Transport.TCP, 40004, 40005)).isEqualTo(1);
        assertThat(TEN.freePorts(Transport.TCP, 39990, 40001)).as("clipped to the range").isEqualTo(2);
        assertThat(TEN.freePorts(Transport.TCP, 50000, 50010)).isZero();
    }

    @Test
    void shortByOnePortSkipsWithTheExactMessage() {
        assertThatThrownBy(() -> TEN.requirePorts(8, Transport.TCP, "8 sockets bound to port 0 at once"))
                .isInstanceOf(PreconditionUnmet.class)
                .hasMessage("needs 8 free ports, 7 are free: 8 sockets bound to port 0 at once"
                        + " (tcp ports 40000-40009 less 2 reserved and 1 in use)");
        assertThatThrownBy(() -> TEN.requirePorts(2, Transport.UDP, 40006, 40007, "two"))
                .hasMessage("needs 2 free ports, 1 are free: two (udp ports 40006-40007 less 0 reserved and 1 in use)");
        assertThatThrownBy(() -> TEN.requirePorts(1, Transport.TCP, 50000, 50010, "one"))
                .hasMessageStartingWith("needs 1 free ports, 0 are free: one (none of 50000-50010 is in the range");
    }

    @Test
    void aloneInItsNetworkNamespaceAShortageItsOwnLeftoversCauseIsBrokenNotASkip() {
        PortBudget alone = new PortBudget(TEN.range(), TEN.reserved(), TEN.tcpInUse(), TEN.udpInUse(),
                TEN.freeDescriptors(), true);
        assertThatThrownBy(() -> alone.requirePorts(8, Transport.TCP, "8 sockets bound to port 0 at once"))
                .isInstanceOf(SetupFailed.class)
                .hasMessage("needs 8 free ports, 7 are free: 8 sockets bound to port 0 at once"
                        + " (tcp ports 40000-40009 less 2 reserved and 1 in use); alone in its network namespace,"
                        + " the harness itself left the 1 port(s) in use: a leak of an earlier check, not a scarce platform");
        assertThatThrownBy(() -> alone.requirePorts(1, Transport.TCP, 50000, 50010, "one"))
                .as("a shortage with nothing in use is still a skip").isInstanceOf(PreconditionUnmet.class);
    }

    @Test
    void enoughPortsPass() {
        assertThatCode(() -> TEN.requirePorts(7, Transport.TCP, "seven")).doesNotThrowAnyException();
        assertThatCode(() -> TEN.requirePorts(0, Transport.TCP, 40005, 40005, "none")).doesNotThrowAnyException();
    }

    @Test
    void descriptorsSkipWhenShort() {
        assertThatCode(() -> TEN.requireDescriptors(100, "a hundred")).doesNotThrowAnyException();
        assertThatThrownBy(() -> TEN.requireDescriptors(101, "a hundred and one"))
                .isInstanceOf(PreconditionUnmet.class)
                .hasMessage("needs 101 free descriptors, 100 are free: a hundred and one"
                        + " (RLIMIT_NOFILE less the open descriptors)");
    }

    @Test
    void theLiveBudgetReadsThisPlatform() {
        PortBudget live = PortBudget.live(new PlatformFactsReader().read());
        assertThat(live.freePorts(Transport.TCP)).isBetween(0, live.range().size());
        assertThat(live.freeDescriptors()).isPositive().isLessThanOrEqualTo(PortBudget.openFileLimit());
    }
}
