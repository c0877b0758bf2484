package org.portzero.suites.probe;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Encodes {@code sockaddr_in}/{@code sockaddr_in6} for the libc layer and decodes what the kernel returns. */
final class SockAddr {

    static final int IN_LENGTH = 16;
    static final int IN6_LENGTH = 28;
    static final int STORAGE_LENGTH = 128;

    private SockAddr() {
    }

    /**
     * The sockaddr for an address on a socket of the given domain: an IPv4 address on an AF_INET6
     * socket is written v4-mapped, as a C program would.
     */
    static byte[] encode(int domain, InetSocketAddress socketAddress) {
        InetAddress address = socketAddress.getAddress();
        int port = socketAddress.getPort();
        if (domain == Libc.AF_INET) {
            ByteBuffer b = ByteBuffer.allocate(IN_LENGTH).order(ByteOrder.nativeOrder());
            b.putShort((short) Libc.AF_INET);
            b.order(ByteOrder.BIG_ENDIAN).putShort((short) port);
            b.put(address.getAddress());
            return b.array();
        }
        byte[] raw = address.getAddress();
        if (address instanceof Inet4Address) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(raw, 0, mapped, 12, 4);
            raw = mapped;
        }
        ByteBuffer b = ByteBuffer.allocate(IN6_LENGTH).order(ByteOrder.nativeOrder());
        b.putShort((short) Libc.AF_INET6);
        b.order(ByteOrder.BIG_ENDIAN).putShort((short) port);
        b.putInt(0);
        b.put(raw);
        b.putInt(0);
        return b.array();
    }

    /** The {@code sockaddr} that disconnects a datagram socket: family AF_UNSPEC. */
    static byte[] unspecified() {
        byte[] b = new byte[IN_LENGTH];
        ByteBuffer.wrap(b).order(ByteOrder.nativeOrder()).putShort((short) Libc.AF_UNSPEC);
        return b;
    }

    /** Decodes a kernel-filled sockaddr, keeping the kernel's spelling (v4-mapped stays mapped). */
    static Endpoint decode(byte[] storage) {
        ByteBuffer b = ByteBuffer.wrap(storage).order(ByteOrder.nativeOrder());
        int family = b.getShort() & 0xffff;
        int port = b.order(ByteOrder.BIG_ENDIAN).getShort() & 0xffff;
        if (family == Libc.AF_INET) {
            byte[] a = new byte[4];
            b.get(a);
            return Endpoint.inet(a, port);
        }
        if (family == Libc.AF_INET6) {
            b.getInt();
            byte[] a = new byte[16];
            b.get(a);
            return Endpoint.inet6(a, port);
        }
        // An unbound socket of an unknown family: the kernel filled nothing useful.
        return new Endpoint("family=" + family, port, "unspec", false, false);
    }
}
