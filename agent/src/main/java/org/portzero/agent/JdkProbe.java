package org.portzero.agent;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.net.StandardSocketOptions;

/**
 * One JDK socket held by the agent. Each method performs one call through the JDK's API and
 * returns what it returned; the argument texts are the in-process layers' own
 * ({@code org.portzero.suites.probe.ClassicLayer}, {@code ChannelLayer}, {@code AsyncLayer}), and
 * {@code AgentParityTest} in suites runs the catalogue both ways to keep them equal.
 */
abstract class JdkProbe {

    /** A bound on every blocking JDK call, so a hung accept or connect fails instead of hanging the run. */
    static final int TIMEOUT_MILLIS = 5_000;

    final boolean tcp;

    JdkProbe(boolean tcp) {
        this.tcp = tcp;
    }

    /** The JDK object whose descriptor the kernel is asked about. */
    abstract Object jdkObject();

    interface Call {
        Result run() throws Exception;
    }

    static Result call(String arguments, Call body) {
        try {
            return body.run();
        } catch (Exception e) {
            return Result.failed(arguments, e);
        } catch (LinkageError e) {
            return Result.failed(arguments, Wire.MISSING_API, e.toString());
        }
    }

    /** An address-valued result; a null address (unbound, unconnected) is recorded as such. */
    static Result address(String arguments, SocketAddress address, String whenNull) {
        return address == null ? Result.done(arguments, whenNull) : Result.address(arguments, (InetSocketAddress) address);
    }

    static Result notInApi(String arguments, String why) {
        return Result.failed(arguments, "UnsupportedOperation", why);
    }

    /**
     * The JDK's option for a portzero option name; null for the Linux-only ones the JDK does not
     * expose. {@code SO_REUSEPORT} came in Java 9.
     */
    static SocketOption<Boolean> standardOption(String option) throws MissingApi {
        if (option.equals("SO_REUSEADDR")) {
            return StandardSocketOptions.SO_REUSEADDR;
        }
        if (option.equals("SO_REUSEPORT")) {
            return Api.reusePort();
        }
        return null;
    }

    static Result notExposed(String option, int value) {
        return Result.failed(option + ", " + value, "UnsupportedOperation", option + " is not exposed by the JDK");
    }

    abstract Result bind(InetSocketAddress local, String described);

    Result listen(int backlog) {
        return notInApi(String.valueOf(backlog), "only a ServerSocket listens");
    }

    abstract Result connect(InetSocketAddress remote, String described);

    /** Accepts one connection; the answer carries the accepted socket. */
    Accepted accept() {
        return new Accepted(notInApi("", "only a ServerSocket accepts"), null);
    }

    abstract Result send(InetSocketAddress to, String described, byte[] payload);

    abstract Result getsockname();

    abstract Result getpeername();

    abstract Result setsockopt(String option, int value);

    abstract Result state();

    Result shutdown() {
        return notInApi("", "only a connected stream socket shuts down");
    }

    abstract Result close();

    /** Releases the socket without recording; cleanup only. */
    abstract void release();

    /** SO_LINGER {on, 0} on the descriptor: the JDK's own SO_LINGER is missing on asynchronous channels. */
    void resetOnClose() {
        if (tcp) {
            Descriptors.Lookup found = Descriptors.lookup(jdkObject());
            if (found.fd != null) {
                KernelNames.lingerZero(found.fd);
            }
        }
    }

    Result kernelName(boolean peer, String arguments) {
        Descriptors.Lookup found = Descriptors.lookup(jdkObject());
        if (found.closed) {
            return Result.kernelFailed(arguments, null, Wire.CLOSED, "the JDK says this socket is closed: no descriptor left");
        }
        if (found.fd == null) {
            return Result.kernelFailed(arguments, null, Wire.NO_DESCRIPTOR,
                    "the JDK holds no file descriptor for this socket yet (or hides it)");
        }
        return KernelNames.name(found.fd, peer, arguments);
    }

    /** An open call's answer and its socket; no socket when the open failed (the runner records "no socket"). */
    static final class Opened {
        final Result result;
        final JdkProbe socket;

        Opened(Result result, JdkProbe socket) {
            this.result = result;
            this.socket = socket;
        }
    }

    /** The outcome of accept: what it returned and, when it succeeded, the new socket. */
    static final class Accepted {
        final Result result;
        final JdkProbe socket;

        Accepted(Result result, JdkProbe socket) {
            this.result = result;
            this.socket = socket;
        }
    }

    interface Acceptor {
        Accepted accept() throws Exception;
    }

    /** Accepts through the API; the answer's endpoint is the peer the API reported. */
    static Accepted acceptWith(Acceptor acceptor) {
        try {
            return acceptor.accept();
        } catch (Exception e) {
            return new Accepted(Result.failed("", e), null);
        }
    }
}
