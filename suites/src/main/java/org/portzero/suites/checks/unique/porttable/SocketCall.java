package org.portzero.suites.checks.unique.porttable;

import org.portzero.suites.checks.common.BindAddress;
import org.portzero.suites.probe.AddressFamily;
import org.portzero.suites.probe.Role;
import org.portzero.suites.probe.SocketShape;
import org.portzero.suites.probe.Transport;

/**
 * One step of a generated call sequence, on numbered socket slots ({@code a}, {@code b}, …).
 * Each prints as the socket call it stands for; a call whose slot is not open (or whose target
 * holds no port) is skipped, so every subsequence of a sequence is itself a valid sequence.
 */
public sealed interface SocketCall {

    /** Slots a sequence opens sockets in; accepted sockets take the slots after them. */
    int SLOTS = 4;
    /** All slots a call may name, opened and accepted. */
    int ALL_SLOTS = 6;

    static String name(int slot) {
        return String.valueOf((char) ('a' + slot));
    }

    /** {@code a = socket(AF_INET6, SOCK_STREAM) [SO_REUSEADDR]}. */
    record Open(int slot, SocketShape shape, Role role, boolean reuseAddr, boolean reusePort) implements SocketCall {
        @Override
        public String toString() {
            String domain = shape.family() == AddressFamily.IPV4 ? "AF_INET" : "AF_INET6";
            String type = shape.transport() == Transport.TCP ? "SOCK_STREAM" : "SOCK_DGRAM";
            String v6 = switch (shape.family()) {
                case IPV4 -> "";
                case IPV6 -> " IPV6_V6ONLY=1";
                case DUAL -> " IPV6_V6ONLY=0";
            };
            return name(slot) + " = socket(" + domain + ", " + type + ")" + v6
                    + (reuseAddr ? " SO_REUSEADDR" : "") + (reusePort ? " SO_REUSEPORT" : "")
                    + (shape.transport() == Transport.TCP && role == Role.LISTENER ? " (listener)" : "");
        }
    }

    /** {@code bind(a, 127.0.0.1:0)}. */
    record BindZero(int slot, BindAddress address) implements SocketCall {
        @Override
        public String toString() {
            return "bind(" + name(slot) + ", " + address.id() + ":0)";
        }
    }

    /** {@code bind(b, loopback:<port of a>)}: an explicit port, the one another slot holds. */
    record BindToPortOf(int slot, int other, BindAddress address) implements SocketCall {
        @Override
        public String toString() {
            return "bind(" + name(slot) + ", " + address.id() + ":<port of " + name(other) + ">)";
        }
    }

    /** {@code listen(a)}. */
    record Listen(int slot) implements SocketCall {
        @Override
        public String toString() {
            return "listen(" + name(slot) + ")";
        }
    }

    /** {@code connect(b, loopback:<port of a>)}. */
    record Connect(int slot, int target) implements SocketCall {
        @Override
        public String toString() {
            return "connect(" + name(slot) + ", loopback:<port of " + name(target) + ">)";
        }
    }

    /** {@code e = accept(a)}, when a connection is pending on {@code a}. */
    record Accept(int slot) implements SocketCall {
        @Override
        public String toString() {
            return "accept(" + name(slot) + ")";
        }
    }

    /** {@code shutdown(a, SHUT_RDWR)}. */
    record Shutdown(int slot) implements SocketCall {
        @Override
        public String toString() {
            return "shutdown(" + name(slot) + ", SHUT_RDWR)";
        }
    }

    /** {@code close(a)}. */
    record Close(int slot) implements SocketCall {
        @Override
        public String toString() {
            return "close(" + name(slot) + ")";
        }
    }
}
