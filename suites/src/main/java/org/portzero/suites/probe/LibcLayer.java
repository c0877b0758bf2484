package org.portzero.suites.probe;

import com.sun.jna.LastErrorException;

/**
 * The raw system calls through JNA: what the kernel itself does, with errno as data. An IPv6
 * socket sets {@code IPV6_V6ONLY=1} and a dual-stack socket {@code IPV6_V6ONLY=0} right after
 * {@code socket()}, so neither depends on {@code net.ipv6.bindv6only}.
 */
public final class LibcLayer implements SocketLayer {

    @Override
    public Layer layer() {
        return Layer.LIBC;
    }

    @Override
    public boolean supports(Transport transport) {
        return true;
    }

    @Override
    public ProbeSocket open(SocketShape shape, Role role, Trace trace) {
        String label = trace.nextLabel();
        int domain = shape.family() == AddressFamily.IPV4 ? Libc.AF_INET : Libc.AF_INET6;
        int type = shape.transport() == Transport.TCP ? Libc.SOCK_STREAM : Libc.SOCK_DGRAM;
        String args = (domain == Libc.AF_INET ? "AF_INET" : "AF_INET6") + ", "
                + (type == Libc.SOCK_STREAM ? "SOCK_STREAM" : "SOCK_DGRAM") + ", 0";
        int fd;
        try {
            fd = Libc.socket(domain, type | Libc.SOCK_CLOEXEC, 0);
        } catch (LastErrorException e) {
            trace.record(Observation.failed(Layer.LIBC, Operation.OPEN, label, args, LibcSocket.failure(e)));
            return new Unopened(Layer.LIBC, shape, label, trace);
        }
        trace.record(Observation.ok(Layer.LIBC, Operation.OPEN, label, args, "fd=" + fd));
        LibcSocket socket = new LibcSocket(fd, domain, shape, label, trace);
        trace.track(socket::closeQuietly);
        if (shape.family() == AddressFamily.IPV6) {
            socket.setsockopt(SocketOptionName.IPV6_V6ONLY, 1);
        } else if (shape.family() == AddressFamily.DUAL) {
            socket.setsockopt(SocketOptionName.IPV6_V6ONLY, 0);
        }
        return socket;
    }

    /** Sets an option from raw bytes on a libc socket (any length: EINVAL cases are checked). */
    public static Observation setsockoptBytes(ProbeSocket socket, SocketOptionName option, byte[] raw) {
        return ((LibcSocket) socket).setsockoptBytes(option, raw);
    }

    /** Reads an int option of a libc socket; the detail is its value. */
    public static Observation getsockopt(ProbeSocket socket, SocketOptionName option) {
        return ((LibcSocket) socket).getsockopt(option);
    }
}
