package org.portzero.suites.checks.unique.porttable;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.portzero.model.NetworkStack;
import org.portzero.suites.probe.AddressFamily;
import org.portzero.suites.probe.Endpoint;
import org.portzero.suites.probe.SocketShape;
import org.portzero.suites.probe.Transport;

/**
 * The port table's reuse rules, per stack: two listening SO_REUSEADDR sockets, one on the wildcard
 * and one on a specific address of one port, are a broken rule on Linux and netstack's own rule on
 * gVisor (the pair the property found there: {@code [::ffff:127.0.0.1]:P} and {@code [::]:P}); two on
 * one address, or two wildcards, break it on both.
 */
class ReuseRulesTest {

    private static LiveSocket listening(int slot, Endpoint kernel) {
        LiveSocket s = new LiveSocket(slot, null, new SocketShape(AddressFamily.DUAL, Transport.TCP), false, true, false, true);
        s.port = kernel.port();
        s.kernelAddress = kernel;
        s.listening = true;
        return s;
    }

    @Test
    void aWildcardAndASpecificAddressShareAPortOnNetstackOnly() {
        LiveSocket specific = listening(0, new Endpoint("::ffff:127.0.0.1", 20433, "inet6", false, true));
        LiveSocket wildcard = listening(1, new Endpoint("::", 20433, "inet6", true, false));
        assertThat(PortTable.reuseAllows(specific, wildcard, NetworkStack.LINUX)).isFalse();
        assertThat(PortTable.reuseAllows(specific, wildcard, NetworkStack.GVISOR)).isTrue();

        LiveSocket again = listening(2, new Endpoint("::ffff:127.0.0.1", 20433, "inet6", false, true));
        assertThat(PortTable.reuseAllows(specific, again, NetworkStack.GVISOR)).as("one address twice").isFalse();
        LiveSocket otherWildcard = listening(3, new Endpoint("0.0.0.0", 20433, "inet", true, false));
        assertThat(PortTable.reuseAllows(wildcard, otherWildcard, NetworkStack.GVISOR)).as("two wildcards").isFalse();
    }
}
