package org.portzero.suites.probe;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.ptr.IntByReference;

/**
 * The socket system calls, bound directly with JNA. Every method throws {@link LastErrorException}
 * carrying errno on failure; {@link LibcSocket} turns that into data.
 */
final class Libc {

    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int SOCK_STREAM = 1;
    static final int SOCK_DGRAM = 2;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int AF_UNSPEC = 0;
    static final int SHUT_RDWR = 2;

    static {
        Native.register(Libc.class, "c");
    }

    private Libc() {
    }

    static native int socket(int domain, int type, int protocol) throws LastErrorException;

    static native int bind(int fd, byte[] address, int length) throws LastErrorException;

    static native int listen(int fd, int backlog) throws LastErrorException;

    static native int connect(int fd, byte[] address, int length) throws LastErrorException;

    static native int accept(int fd, byte[] address, IntByReference length) throws LastErrorException;

    static native int getsockname(int fd, byte[] address, IntByReference length) throws LastErrorException;

    static native int getpeername(int fd, byte[] address, IntByReference length) throws LastErrorException;

    static native long sendto(int fd, byte[] buffer, long length, int flags, byte[] address, int addressLength)
            throws LastErrorException;

    static native int setsockopt(int fd, int level, int name, byte[] value, int length) throws LastErrorException;

    static native int getsockopt(int fd, int level, int name, byte[] value, IntByReference length)
            throws LastErrorException;

    static native int close(int fd) throws LastErrorException;

    /** {@code klogctl(3)}, glibc's name for {@code syslog(2)}: reads the kernel log ({@code dmesg}). */
    static native int klogctl(int type, byte[] buffer, int length) throws LastErrorException;

    static native int shutdown(int fd, int how) throws LastErrorException;

    static native int fcntl(int fd, int command) throws LastErrorException;
}
