package org.portzero.suites.checks.common;

import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.probe.Observation;
import org.portzero.suites.probe.ProbeSocket;
import org.portzero.suites.probe.SocketOptionName;
import org.portzero.suites.probe.SocketShape;
import org.portzero.suites.probe.Trace;
import org.portzero.suites.verdict.PreconditionUnmet;
import org.portzero.suites.verdict.SetupFailed;

/**
 * Whether the kernel at hand offers a socket option, asked of the kernel itself: a fresh libc
 * socket of the shape the check uses, {@code setsockopt(option, 0)} (0 is a valid value of every
 * option asked here: "unset" for IP_LOCAL_PORT_RANGE, "off" for IP_BIND_ADDRESS_NO_PORT), then
 * {@code getsockopt(option)} to read it back. A kernel without the option answers {@code ENOPROTOOPT}
 * to the first; a stack that accepts options it does not implement (gVisor's netstack takes any
 * IPPROTO_IP option and keeps none) answers it to the second. Either way the check skips, quoting the
 * answer. Never a
 * version number: distribution kernels backport options (Debian's 6.1 has IP_LOCAL_PORT_RANGE, which
 * mainline added in 6.3).
 *
 * <p>Spec: setsockopt(2) ("ENOPROTOOPT: the option is unknown at the level indicated").
 */
public final class KernelOption {

    private KernelOption() {
    }

    /**
     * Skips unless the kernel accepts {@code option} on a socket of {@code shape}; the probe's calls
     * go into the check's trace. Any answer other than success or ENOPROTOOPT is a broken setup.
     *
     * @param forWhat what the check needs the option for, for the skip message
     */
    public static void require(Bench bench, SocketOptionName option, SocketShape shape, String forWhat, Trace trace) {
        SocketVariant.requireShape(shape, Layer.LIBC, bench.facts());
        ProbeSocket probe = bench.layer(Layer.LIBC).open(shape, trace);
        Observation answer = probe.setsockopt(option, 0);
        Observation readBack = answer.succeeded() ? probe.getsockopt(option) : answer;
        probe.closeSocket();
        if (!answer.succeeded()) {
            if (NOT_OFFERED.equals(answer.failure().errno())) {
                throw new PreconditionUnmet(forWhat + ": setsockopt(" + option + ") → " + NOT_OFFERED + " on a " + shape
                        + " socket (this kernel does not offer it)");
            }
            throw new SetupFailed("probing setsockopt(" + option + ") on a " + shape + " socket", answer);
        }
        if (readBack.succeeded()) {
            return;
        }
        if (NOT_OFFERED.equals(readBack.failure().errno())) {
            throw new PreconditionUnmet(forWhat + ": setsockopt(" + option + ") succeeded but getsockopt(" + option
                    + ") → " + NOT_OFFERED + " on a " + shape + " socket (this stack accepts the option without keeping it)");
        }
        throw new SetupFailed("reading back getsockopt(" + option + ") on a " + shape + " socket", readBack);
    }

    /** The errno of an option the kernel does not know. */
    public static final String NOT_OFFERED = "ENOPROTOOPT";
}
