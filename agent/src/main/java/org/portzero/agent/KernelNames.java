package org.portzero.agent;

import java.io.FileDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * The kernel's own getsockname and getpeername on the descriptor behind a JDK object, from inside
 * the JDK under test, which has no foreign-function API before 22. The JDK's native methods in
 * {@code sun.nio.ch.Net} make the system calls ({@code localInetAddress}/{@code localPort},
 * {@code remoteInetAddress}/{@code remotePort}, {@code getIntOption0}), in every JDK from 8 on.
 *
 * <p>Two things the JDK's natives fold are put back: an IPv4-mapped address on an AF_INET6
 * socket comes back as an {@link Inet4Address}, so the socket's domain ({@code SO_DOMAIN}) says
 * whether the kernel spelled it {@code ::ffff:a.b.c.d}; and a failed call throws with
 * {@code strerror(errno)} as its message, which names the errno (glibc's texts, below).
 */
final class KernelNames {

    private static final int SOL_SOCKET = 1;
    private static final int SO_DOMAIN = 39;
    private static final int SO_LINGER = 13;
    private static final int SO_PEERNAME = 28;
    private static final int AF_INET6 = 10;

    /** glibc's {@code strerror} text of each errno the runner names ({@code org.portzero.suites.probe.Errno}). */
    private static final Map<String, String> ERRNO_OF_TEXT = new HashMap<String, String>();

    static {
        String[][] table = {
                {"EPERM", "Operation not permitted"}, {"ENOENT", "No such file or directory"},
                {"EINTR", "Interrupted system call"}, {"EBADF", "Bad file descriptor"},
                {"EAGAIN", "Resource temporarily unavailable"}, {"ENOMEM", "Cannot allocate memory"},
                {"EACCES", "Permission denied"}, {"EFAULT", "Bad address"}, {"EINVAL", "Invalid argument"},
                {"ENFILE", "Too many open files in system"}, {"EMFILE", "Too many open files"},
                {"EPIPE", "Broken pipe"}, {"ENOTSOCK", "Socket operation on non-socket"},
                {"EDESTADDRREQ", "Destination address required"}, {"ENOPROTOOPT", "Protocol not available"},
                {"EPROTONOSUPPORT", "Protocol not supported"}, {"EOPNOTSUPP", "Operation not supported"},
                {"EAFNOSUPPORT", "Address family not supported by protocol"},
                {"EADDRINUSE", "Address already in use"}, {"EADDRNOTAVAIL", "Cannot assign requested address"},
                {"ENETDOWN", "Network is down"}, {"ENETUNREACH", "Network is unreachable"},
                {"ECONNRESET", "Connection reset by peer"}, {"ENOBUFS", "No buffer space available"},
                {"EISCONN", "Transport endpoint is already connected"},
                {"ENOTCONN", "Transport endpoint is not connected"}, {"ETIMEDOUT", "Connection timed out"},
                {"ECONNREFUSED", "Connection refused"}, {"EHOSTUNREACH", "No route to host"},
                {"EALREADY", "Operation already in progress"}, {"EINPROGRESS", "Operation now in progress"},
        };
        for (String[] row : table) {
            ERRNO_OF_TEXT.put(row[1], row[0]);
        }
    }

    private static final Method LOCAL_ADDRESS = natives("localInetAddress", FileDescriptor.class);
    private static final Method LOCAL_PORT = natives("localPort", FileDescriptor.class);
    private static final Method REMOTE_ADDRESS = natives("remoteInetAddress", FileDescriptor.class);
    private static final Method REMOTE_PORT = natives("remotePort", FileDescriptor.class);
    private static final Method GET_INT_OPTION = natives("getIntOption0", FileDescriptor.class, boolean.class, int.class, int.class);

    private KernelNames() {
    }

    private static Method natives(String name, Class<?>... parameters) {
        try {
            Method m = Class.forName("sun.nio.ch.Net").getDeclaredMethod(name, parameters);
            m.setAccessible(true);
            return m;
        } catch (ReflectiveOperationException e) {
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** getsockname (or getpeername) on the descriptor: the kernel's address, or its errno. */
    static Result name(FileDescriptor fd, boolean peer, String arguments) {
        Method address = peer ? REMOTE_ADDRESS : LOCAL_ADDRESS;
        Method port = peer ? REMOTE_PORT : LOCAL_PORT;
        if (address == null || port == null || GET_INT_OPTION == null) {
            return Result.kernelFailed(arguments, null, Wire.NO_DESCRIPTOR,
                    "sun.nio.ch.Net has no " + (peer ? "remoteInetAddress" : "localInetAddress")
                            + " in JDK " + System.getProperty("java.version") + ": the kernel cannot be asked from here");
        }
        try {
            return name(fd, address, port, arguments);
        } catch (UnsatisfiedLinkError e) {
            // JDK 8 and 11 declare remoteInetAddress without a native behind it.
            return peer ? peerOption(fd, arguments) : Result.kernelFailed(arguments, null, Wire.NO_DESCRIPTOR, e.toString());
        }
    }

    /**
     * The kernel's answer on the peer through {@code getsockopt(SO_PEERNAME)}, where the JDK has no
     * getpeername: the kernel asks the same {@code getname} and answers ENOTCONN without a peer. The
     * JDK's int-sized buffer holds only the peer's family and port, so a peer that is there is
     * reported as such, without an address (a check that needs its address cannot pass on it).
     */
    private static Result peerOption(FileDescriptor fd, String arguments) {
        try {
            int head = (Integer) GET_INT_OPTION.invoke(null, fd, false, SOL_SOCKET, SO_PEERNAME);
            int port = Integer.reverseBytes(head) & 0xffff;
            return Result.kernelFailed(arguments, null, "PeerWithoutAddress",
                    "getsockopt(SO_PEERNAME) answered a peer on port " + port
                            + "; this JDK cannot read the peer's address");
        } catch (InvocationTargetException e) {
            return failure(arguments, e.getCause());
        } catch (ReflectiveOperationException e) {
            return Result.kernelFailed(arguments, null, e.getClass().getSimpleName(), e.getMessage());
        }
    }

    private static Result failure(String arguments, Throwable cause) {
        String text = cause.getMessage();
        String errno = text == null ? null : ERRNO_OF_TEXT.get(text);
        return errno != null
                ? Result.kernelFailed(arguments, errno, null, text)
                : Result.kernelFailed(arguments, null, cause.getClass().getSimpleName(), text);
    }

    private static Result name(FileDescriptor fd, Method address, Method port, String arguments) {
        try {
            int domain = (Integer) GET_INT_OPTION.invoke(null, fd, false, SOL_SOCKET, SO_DOMAIN);
            InetAddress a = (InetAddress) address.invoke(null, fd);
            int p = (Integer) port.invoke(null, fd);
            byte[] raw = a.getAddress();
            if (domain == AF_INET6 && raw.length == 4) {
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(raw, 0, mapped, 12, 4);
                raw = mapped;
            }
            return Result.kernelAddress(arguments, raw, p);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof UnsatisfiedLinkError) {
                throw (UnsatisfiedLinkError) e.getCause();
            }
            return failure(arguments, e.getCause());
        } catch (ReflectiveOperationException e) {
            return Result.kernelFailed(arguments, null, e.getClass().getSimpleName(), e.getMessage());
        }
    }

    /** SO_LINGER {on, 0} on the descriptor, so its close sends a RST; housekeeping, best effort. */
    static void lingerZero(FileDescriptor fd) {
        try {
            for (Method m : Class.forName("sun.nio.ch.Net").getDeclaredMethods()) {
                Class<?>[] p = m.getParameterTypes();
                if (m.getName().equals("setIntOption0") && p.length >= 5 && p[0] == FileDescriptor.class) {
                    Object[] args = new Object[p.length];
                    args[0] = fd;
                    args[1] = false;
                    args[2] = SOL_SOCKET;
                    args[3] = SO_LINGER;
                    args[4] = 0;
                    for (int i = 5; i < p.length; i++) {
                        args[i] = p[i] == boolean.class ? (Object) false : (Object) 0;
                    }
                    m.setAccessible(true);
                    m.invoke(null, args);
                    return;
                }
            }
        } catch (ReflectiveOperationException e) {
            // A plain close is as good.
        } catch (RuntimeException e) {
            // Likewise.
        }
    }
}
