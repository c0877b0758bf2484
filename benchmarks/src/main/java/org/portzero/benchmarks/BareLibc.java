package org.portzero.benchmarks;

import com.sun.jna.Native;

/**
 * The socket calls bound directly with JNA and no errno translation (return values only): the
 * cheapest way the JVM reaches libc through JNA, the floor for the {@code libc} probe layer.
 */
final class BareLibc {

    static final int AF_INET = 2;
    static final int SOCK_STREAM = 1;
    static final int SOCK_CLOEXEC = 0x80000;

    static {
        Native.register(BareLibc.class, "c");
    }

    private BareLibc() {
    }

    static native int socket(int domain, int type, int protocol);

    static native int bind(int fd, byte[] address, int length);

    static native int getsockname(int fd, byte[] address, int[] length);

    static native int close(int fd);

    /** {@code sockaddr_in} for 127.0.0.1:0 (x86-64: family little-endian, port and address big-endian). */
    static byte[] loopbackPortZero() {
        byte[] a = new byte[16];
        a[0] = AF_INET;
        a[4] = 127;
        a[7] = 1;
        return a;
    }
}
