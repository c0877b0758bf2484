package org.portzero.suites.probe;

import com.sun.jna.LastErrorException;
import org.portzero.model.KernelAnswer;

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
    public ProbeSocket open(SocketShape shape, Role role, Trace trace) {
        String label = trace.nextLabel();
        int domain = domain(shape);
        String args = socketCall(shape);
        int fd;
        try {
            fd = Libc.socket(domain, shape.transport().socketType() | Libc.SOCK_CLOEXEC, shape.transport().protocol());
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

    private static int domain(SocketShape shape) {
        return shape.family() == AddressFamily.IPV4 ? Libc.AF_INET : Libc.AF_INET6;
    }

    /** {@code AF_INET6, SOCK_STREAM, IPPROTO_MPTCP}: the arguments of the shape's {@code socket(2)} call. */
    static String socketCall(SocketShape shape) {
        return (domain(shape) == Libc.AF_INET ? "AF_INET" : "AF_INET6") + ", " + shape.transport().socketArguments();
    }

    /** The system calls a probe makes: {@code socket(2)} and {@code close(2)} themselves, or a fake in tests. */
    interface SocketCalls {
        int socket(int domain, int type, int protocol) throws LastErrorException;

        void close(int fd) throws LastErrorException;
    }

    private static final SocketCalls KERNEL = new SocketCalls() {
        @Override
        public int socket(int domain, int type, int protocol) {
            return Libc.socket(domain, type, protocol);
        }

        @Override
        public void close(int fd) {
            Libc.close(fd);
        }
    };

    /**
     * Asks the kernel whether it opens sockets of the shape: the socket is opened and closed at
     * once. A kernel without the protocol answers with an errno (EPROTONOSUPPORT when it was built
     * without it, ENOPROTOOPT when MPTCP is switched off by {@code net.mptcp.enabled=0}).
     */
    public static KernelAnswer ask(SocketShape shape) {
        return ask(shape, KERNEL);
    }

    static KernelAnswer ask(SocketShape shape, SocketCalls call) {
        String asked = "socket(" + socketCall(shape) + ")";
        try {
            int fd = call.socket(domain(shape), shape.transport().socketType() | Libc.SOCK_CLOEXEC, shape.transport().protocol());
            try {
                call.close(fd);
            } catch (LastErrorException ignored) {
                // Already gone: the answer stands.
            }
            return KernelAnswer.accepted(asked);
        } catch (LastErrorException e) {
            return KernelAnswer.refused(asked, Errno.name(e.getErrorCode()));
        }
    }

    /** Sets an option from raw bytes on a libc socket (any length: EINVAL cases are checked). */
    public static Observation setsockoptBytes(ProbeSocket socket, SocketOptionName option, byte[] raw) {
        return ((LibcSocket) socket).setsockoptBytes(option, raw);
    }

    /** Reads an int option of a libc socket; the detail is its value. */
    public static Observation getsockopt(ProbeSocket socket, SocketOptionName option) {
        return socket.getsockopt(option);
    }
}
