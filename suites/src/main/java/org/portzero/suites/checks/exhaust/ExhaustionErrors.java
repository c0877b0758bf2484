package org.portzero.suites.checks.exhaust;

import org.portzero.suites.probe.Failure;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.probe.Observation;
import org.portzero.suites.probe.Transport;

/**
 * The one place that says how each call kind fails once the ephemeral range is used up
 * (docs/CATALOGUE.md B06–B09; JDK mapping in {@code Net.c handleSocketError}):
 *
 * <pre>
 *   call            libc (the kernel)   JDK layers
 *   bind(0)         EADDRINUSE          BindException "Address already in use"
 *   tcp connect     EADDRNOTAVAIL       BindException "Cannot assign requested address"
 *   tcp listen      EADDRINUSE          (no JDK call listens on an unbound socket)
 *   udp connect     EAGAIN              BindException "Address already in use": the JDK binds an
 *   udp sendto      EAGAIN              unbound channel itself first, so the kernel's EAGAIN never shows
 * </pre>
 */
public enum ExhaustionErrors {
    BIND("bind0", "EADDRINUSE", "Address already in use"),
    TCP_CONNECT("connect", "EADDRNOTAVAIL", "Cannot assign requested address"),
    TCP_LISTEN("listen", "EADDRINUSE", null),
    UDP_CONNECT("connect", "EAGAIN", "Address already in use"),
    UDP_SENDTO("sendto", "EAGAIN", "Address already in use");

    private final String call;
    private final String errno;
    private final String jdkMessage;

    ExhaustionErrors(String call, String errno, String jdkMessage) {
        this.call = call;
        this.errno = errno;
        this.jdkMessage = jdkMessage;
    }

    public String call() {
        return call;
    }

    public static ExhaustionErrors of(String call, Transport transport) {
        return switch (call) {
            case "bind0" -> BIND;
            case "connect" -> transport == Transport.TCP ? TCP_CONNECT : UDP_CONNECT;
            case "listen" -> TCP_LISTEN;
            default -> UDP_SENDTO;
        };
    }

    /** Whether the layer has this call on an unbound socket at all. */
    public boolean existsOn(Layer layer) {
        return layer == Layer.LIBC || jdkMessage != null;
    }

    public String expected(Layer layer) {
        return layer == Layer.LIBC ? errno : "BindException \"" + jdkMessage + "\"";
    }

    public boolean matches(Layer layer, Observation o) {
        Failure f = o.failure();
        if (f == null) {
            return false;
        }
        return layer == Layer.LIBC ? errno.equals(f.errno())
                : "BindException".equals(f.exception()) && jdkMessage.equals(f.message());
    }
}
