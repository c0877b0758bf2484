package org.portzero.suites.probe;

import com.sun.jna.LastErrorException;
import com.sun.jna.ptr.IntByReference;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A socket file descriptor driven by raw system calls. */
final class LibcSocket implements ProbeSocket {

    private static final int F_GETFD = 1;

    private final int domain;
    private final SocketShape shape;
    private final String label;
    private final Trace trace;
    private int fd;
    /** Set once a connect was tried or the socket was accepted: only then may closing leave a TIME_WAIT. */
    private boolean connectedOnce;

    LibcSocket(int fd, int domain, SocketShape shape, String label, Trace trace) {
        this.fd = fd;
        this.domain = domain;
        this.shape = shape;
        this.label = label;
        this.trace = trace;
    }

    static Failure failure(LastErrorException e) {
        String name = Errno.name(e.getErrorCode());
        String text = e.getMessage();
        int bracket = text == null ? -1 : text.indexOf(']');
        return Failure.ofErrno(name, bracket >= 0 ? text.substring(bracket + 1).trim() : text);
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Layer layer() {
        return Layer.LIBC;
    }

    @Override
    public SocketShape shape() {
        return shape;
    }

    int fd() {
        return fd;
    }

    private Observation call(Operation op, String args, Syscall syscall) {
        try {
            return trace.record(syscall.run(op, args));
        } catch (LastErrorException e) {
            return trace.record(Observation.failed(Layer.LIBC, op, label, args, failure(e)));
        }
    }

    @FunctionalInterface
    private interface Syscall {
        Observation run(Operation op, String args) throws LastErrorException;
    }

    private Observation ok(Operation op, String args) {
        return Observation.ok(Layer.LIBC, op, label, args, (String) null);
    }

    @Override
    public Observation bind(InetSocketAddress local) {
        byte[] address = SockAddr.encode(domain, local);
        return call(Operation.BIND, "fd, " + Endpoint.of(local), (op, args) -> {
            Libc.bind(fd, address, address.length);
            return ok(op, args);
        });
    }

    @Override
    public Observation listen(int backlog) {
        return call(Operation.LISTEN, "fd, " + backlog, (op, args) -> {
            Libc.listen(fd, backlog);
            return ok(op, args);
        });
    }

    @Override
    public Observation connect(InetSocketAddress remote) {
        byte[] address = remote == null ? SockAddr.unspecified() : SockAddr.encode(domain, remote);
        String target = remote == null ? "AF_UNSPEC" : Endpoint.of(remote).shortForm();
        connectedOnce |= remote != null;
        return call(Operation.CONNECT, "fd, " + target, (op, args) -> {
            Libc.connect(fd, address, address.length);
            return ok(op, args);
        });
    }

    /** {@code SO_RCVTIMEO}: bounds a blocking accept, as the JDK layers bound theirs. */
    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVTIMEO = 20;

    @Override
    public Accepted accept() {
        byte[] timeout = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder())
                .putLong(JdkSocket.TIMEOUT_MILLIS / 1000).putLong(0).array();
        try {
            Libc.setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, timeout, timeout.length);
        } catch (LastErrorException ignored) {
            // Without a timeout the accept below may block; the check will still record what happened.
        }
        byte[] storage = new byte[SockAddr.STORAGE_LENGTH];
        IntByReference length = new IntByReference(storage.length);
        String acceptedLabel = trace.nextLabel();
        try {
            int accepted = Libc.accept(fd, storage, length);
            LibcSocket socket = new LibcSocket(accepted, domain, shape, acceptedLabel, trace);
            socket.connectedOnce = true;
            trace.track(socket::closeQuietly);
            Observation o = trace.record(new Observation(Layer.LIBC, Operation.ACCEPT, label, "fd -> " + acceptedLabel,
                    SockAddr.decode(storage), null, null));
            return new Accepted(o, socket);
        } catch (LastErrorException e) {
            return new Accepted(trace.record(Observation.failed(Layer.LIBC, Operation.ACCEPT, label, "fd", failure(e))), null);
        }
    }

    @Override
    public Observation send(InetSocketAddress to, byte[] payload) {
        byte[] address = to == null ? null : SockAddr.encode(domain, to);
        String target = to == null ? "NULL" : Endpoint.of(to).shortForm();
        return call(Operation.SEND, "fd, " + payload.length + " bytes, " + target, (op, args) -> {
            long sent = Libc.sendto(fd, payload, payload.length, 0, address, address == null ? 0 : address.length);
            return Observation.ok(Layer.LIBC, op, label, args, "sent=" + sent);
        });
    }

    @Override
    public Observation getsockname() {
        return name(Operation.GETSOCKNAME);
    }

    @Override
    public Observation getpeername() {
        return name(Operation.GETPEERNAME);
    }

    private Observation name(Operation op) {
        return trace.record(name(fd, op, label, "fd"));
    }

    /** getsockname or getpeername on any descriptor, as a libc-layer observation (not recorded). */
    static Observation name(int fd, Operation op, String label, String args) {
        byte[] storage = new byte[SockAddr.STORAGE_LENGTH];
        IntByReference length = new IntByReference(storage.length);
        try {
            if (op == Operation.GETSOCKNAME) {
                Libc.getsockname(fd, storage, length);
            } else {
                Libc.getpeername(fd, storage, length);
            }
            return Observation.ok(Layer.LIBC, op, label, args, SockAddr.decode(storage));
        } catch (LastErrorException e) {
            return Observation.failed(Layer.LIBC, op, label, args, failure(e));
        }
    }

    @Override
    public Observation setsockopt(SocketOptionName option, int value) {
        byte[] raw = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array();
        return call(Operation.SETSOCKOPT, "fd, " + option + ", " + value, (op, args) -> {
            Libc.setsockopt(fd, option.level(), option.number(), raw, raw.length);
            return ok(op, args);
        });
    }

    /** Sets an option from raw bytes, so a check can pass a wrong length on purpose. */
    Observation setsockoptBytes(SocketOptionName option, byte[] raw) {
        return call(Operation.SETSOCKOPT, "fd, " + option + ", " + raw.length + " bytes", (op, args) -> {
            Libc.setsockopt(fd, option.level(), option.number(), raw, raw.length);
            return ok(op, args);
        });
    }

    /** Reads an int-valued option back; used by checks of Linux-specific options. */
    @Override
    public Observation getsockopt(SocketOptionName option) {
        byte[] raw = new byte[4];
        IntByReference length = new IntByReference(4);
        return call(Operation.GETSOCKOPT, "fd, " + option, (op, args) -> {
            Libc.getsockopt(fd, option.level(), option.number(), raw, length);
            int value = ByteBuffer.wrap(raw).order(ByteOrder.nativeOrder()).getInt();
            return Observation.ok(Layer.LIBC, op, label, args, String.valueOf(value));
        });
    }

    @Override
    public Observation state() {
        boolean open = fd >= 0 && isValid();
        String connected = "n/a";
        if (open) {
            try {
                Libc.getpeername(fd, new byte[SockAddr.STORAGE_LENGTH], new IntByReference(SockAddr.STORAGE_LENGTH));
                connected = "true";
            } catch (LastErrorException e) {
                connected = "false";
            }
        }
        return trace.record(Observation.ok(Layer.LIBC, Operation.STATE, label, "fcntl(F_GETFD), getpeername",
                "open=" + open + " connected=" + connected));
    }

    private boolean isValid() {
        try {
            Libc.fcntl(fd, F_GETFD);
            return true;
        } catch (LastErrorException e) {
            return false;
        }
    }

    @Override
    public Observation kernelSockname() {
        return getsockname();
    }

    @Override
    public Observation kernelPeername() {
        return getpeername();
    }

    @Override
    public Observation shutdown() {
        return call(Operation.SHUTDOWN, "fd, SHUT_RDWR", (op, args) -> {
            Libc.shutdown(fd, Libc.SHUT_RDWR);
            return ok(op, args);
        });
    }

    @Override
    public Observation closeSocket() {
        if (fd < 0) {
            return trace.record(ok(Operation.CLOSE, "already closed"));
        }
        int closing = fd;
        fd = -1;
        return call(Operation.CLOSE, "fd", (op, args) -> {
            Libc.close(closing);
            return ok(op, args);
        });
    }

    /** SO_LINGER {on, 0}: close with a RST, so cleanup leaves no TIME_WAIT holding a port. */
    private static final int SO_LINGER = 13;

    /** Sets SO_LINGER {on, 0} on a TCP descriptor; a socket that is not connected ignores it. */
    static void lingerZero(int fd) {
        try {
            byte[] abort = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putInt(1).putInt(0).array();
            Libc.setsockopt(fd, SOL_SOCKET, SO_LINGER, abort, abort.length);
        } catch (LastErrorException ignored) {
            // Not connected or already reset: a plain close is as good.
        }
    }

    @Override
    public void resetOnClose() {
        if (fd >= 0 && shape.transport().stream()) {
            lingerZero(fd);
        }
    }

    /** Cleanup: a RST for a socket that connected (no TIME_WAIT outlives the check), a plain close otherwise. */
    void closeQuietly() {
        if (fd >= 0) {
            if (connectedOnce) {
                resetOnClose();
            }
            try {
                Libc.close(fd);
            } catch (LastErrorException ignored) {
                // The fd was already gone; nothing to release.
            }
            fd = -1;
        }
    }
}
