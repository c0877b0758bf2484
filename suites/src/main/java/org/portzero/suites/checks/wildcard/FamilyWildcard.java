package org.portzero.suites.checks.wildcard;

import org.portzero.model.PlatformFacts;
import org.portzero.suites.checks.common.SocketVariant;
import org.portzero.suites.probe.AddressFamily;
import org.portzero.suites.probe.Endpoint;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.probe.Transport;

/**
 * The wildcard a row's socket must report, spelled as each side spells it:
 *
 * <pre>
 *   layer    row            socket opened as                      kernel    API
 *   libc     tcp4 / udp4    AF_INET                               0.0.0.0   0.0.0.0
 *   nio      tcp4 / udp4    open(INET): AF_INET                   0.0.0.0   0.0.0.0
 *   socket   tcp4           the JDK's choice (AF_INET6 with IPv6) ::        0.0.0.0 (ServerSocket keeps the bound address)
 *   socket   udp4           the JDK's choice                      ::        ::      (the channel's getLocalAddress)
 *   async    tcp4           the JDK's choice                      ::        ::
 *   any      *6 / *46       AF_INET6                              ::        ::
 * </pre>
 *
 * "The JDK's choice" is AF_INET6 exactly when {@link PlatformFacts#jdkUsesIpv6()}; otherwise both
 * sides say {@code 0.0.0.0}. ServerSocket reports the address it was asked to bind
 * (NioSocketImpl.bind, "to maintain long standing behavior", JDK-8224730).
 *
 * @param kernel the kernel's getsockname address on the socket's descriptor
 * @param api    the address the layer's own getsockname reports
 */
record FamilyWildcard(String kernel, String api) {

    private static final String INET = "0.0.0.0";
    private static final String INET6 = "::";

    static FamilyWildcard of(SocketVariant v, PlatformFacts facts) {
        boolean jdkChooses = v.layer() == Layer.SOCKET || v.layer() == Layer.ASYNC;
        boolean inet6 = v.shape().family() != AddressFamily.IPV4 || jdkChooses && facts.jdkUsesIpv6();
        String kernel = inet6 ? INET6 : INET;
        boolean serverSocket = v.layer() == Layer.SOCKET && v.shape().transport() == Transport.TCP;
        return new FamilyWildcard(kernel, serverSocket ? Endpoint.spell(v.shape().family().wildcard()) : kernel);
    }

    /** The kernel's address family: {@code inet} or {@code inet6}. */
    String kernelFamily() {
        return kernel.equals(INET) ? "inet" : "inet6";
    }
}
