package org.portzero.suites.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The address family a socket is opened for and the addresses it uses.
 *
 * <ul>
 *   <li>{@code IPV4}: an AF_INET socket (the JDK's {@code open(INET)}), IPv4 addresses.
 *   <li>{@code IPV6}: an AF_INET6 socket, IPv6 addresses only ({@code IPV6_V6ONLY=1} at the libc layer).
 *   <li>{@code DUAL}: an AF_INET6 socket with {@code IPV6_V6ONLY=0} (the JDK's default socket), IPv4
 *       addresses carried as v4-mapped IPv6 addresses.
 * </ul>
 */
public enum AddressFamily {
    IPV4("4", "127.0.0.1", "0.0.0.0"),
    IPV6("6", "::1", "::"),
    DUAL("46", "127.0.0.1", "::");

    private final String suffix;
    private final InetAddress loopback;
    private final InetAddress wildcard;

    AddressFamily(String suffix, String loopback, String wildcard) {
        this.suffix = suffix;
        this.loopback = literal(loopback);
        this.wildcard = literal(wildcard);
    }

    /** The suffix used in variant names: {@code tcp4}, {@code udp6}, {@code tcp46}. */
    public String suffix() {
        return suffix;
    }

    /** The loopback address a client of this family targets. */
    public InetAddress loopback() {
        return loopback;
    }

    /** The wildcard address a socket of this family binds to. */
    public InetAddress wildcard() {
        return wildcard;
    }

    public boolean needsIpv6() {
        return this != IPV4;
    }

    /** Parses an address literal; never consults a resolver. */
    public static InetAddress literal(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address literal: " + text, e);
        }
    }
}
