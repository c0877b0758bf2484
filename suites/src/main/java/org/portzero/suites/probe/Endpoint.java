package org.portzero.suites.probe;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.portzero.model.PortNames;

/**
 * A socket address as the layer reported it, spelled the way that layer spells it.
 *
 * @param address   the address literal ({@code 0.0.0.0}, {@code ::}, {@code ::ffff:127.0.0.1})
 * @param port      the port; 0 for an unbound socket
 * @param family    {@code inet} or {@code inet6}: the family of the reported address
 * @param anyLocal  whether the address is a wildcard ({@link InetAddress#isAnyLocalAddress()})
 * @param v4Mapped  whether an {@code inet6} address is an IPv4-mapped address
 */
public record Endpoint(String address, int port, String family, boolean anyLocal, boolean v4Mapped) {

    /** The endpoint of a JDK socket address. */
    public static Endpoint of(InetSocketAddress socketAddress) {
        InetAddress a = socketAddress.getAddress();
        return new Endpoint(spell(a), socketAddress.getPort(), a instanceof Inet4Address ? "inet" : "inet6",
                a.isAnyLocalAddress(), false);
    }

    /** An IPv4 endpoint from the kernel's four address bytes. */
    public static Endpoint inet(byte[] address, int port) {
        InetAddress a = AddressFamily.literal(dotted(address, 0));
        return new Endpoint(a.getHostAddress(), port, "inet", a.isAnyLocalAddress(), false);
    }

    /** An IPv6 endpoint from the kernel's sixteen address bytes, v4-mapped addresses kept as such. */
    public static Endpoint inet6(byte[] address, int port) {
        boolean mapped = isV4Mapped(address);
        if (mapped) {
            return new Endpoint("::ffff:" + dotted(address, 12), port, "inet6", false, true);
        }
        boolean any = true;
        for (byte b : address) {
            any &= b == 0;
        }
        return new Endpoint(compress(address), port, "inet6", any, false);
    }

    /** The address with a v4-mapped IPv6 form folded to IPv4, for comparing across layers. */
    public String canonicalAddress() {
        return v4Mapped ? address.substring("::ffff:".length()) : address;
    }

    /** Whether both name the same address and port once v4-mapped forms are folded. */
    public boolean sameAs(Endpoint other) {
        return other != null && port == other.port && canonicalAddress().equals(other.canonicalAddress())
                || other != null && port == other.port && anyLocal && other.anyLocal;
    }

    /** {@code 127.0.0.1:41234} or {@code [::1]:41234}. */
    public String shortForm() {
        return bracketed() + ":" + port;
    }

    /** The port-free form an outcome uses: {@code [::]:P1}, {@code 127.0.0.1:0} ({@link PortNames}). */
    public String shortForm(PortNames ports) {
        return bracketed() + ":" + ports.name(port);
    }

    private String bracketed() {
        return address.contains(":") ? "[" + address + "]" : address;
    }

    @Override
    public String toString() {
        return shortForm();
    }

    /** An address as portzero spells it: RFC 5952 compressed IPv6, dotted IPv4. */
    public static String spell(InetAddress a) {
        if (a instanceof Inet6Address) {
            return compress(a.getAddress());
        }
        return a.getHostAddress();
    }

    private static boolean isV4Mapped(byte[] a) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return a[10] == (byte) 0xff && a[11] == (byte) 0xff;
    }

    private static String dotted(byte[] a, int from) {
        return (a[from] & 0xff) + "." + (a[from + 1] & 0xff) + "." + (a[from + 2] & 0xff) + "." + (a[from + 3] & 0xff);
    }

    /** RFC 5952 text: the longest run of two or more zero groups becomes {@code ::}. */
    private static String compress(byte[] a) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
