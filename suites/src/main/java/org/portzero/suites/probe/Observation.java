package org.portzero.suites.probe;

import org.portzero.model.PortNames;

/**
 * One call as it happened: which layer, which operation on which socket, with what arguments,
 * and either its result or its failure. Probes produce observations; they never judge them.
 *
 * @param layer     the API the call went through
 * @param operation the operation performed
 * @param socket    the label of the socket in its trace ({@code s1}, {@code s2}…)
 * @param arguments the arguments as the socket call would spell them
 * @param endpoint  the address the call returned (bind/getsockname/getpeername/accept), or null
 * @param detail    a non-address result (state flags, an option value, bytes sent), or null
 * @param failure   why the call failed, or null when it succeeded
 */
public record Observation(Layer layer, Operation operation, String socket, String arguments,
                          Endpoint endpoint, String detail, Failure failure) {

    public static Observation ok(Layer layer, Operation op, String socket, String arguments, Endpoint endpoint) {
        return new Observation(layer, op, socket, arguments, endpoint, null, null);
    }

    public static Observation ok(Layer layer, Operation op, String socket, String arguments, String detail) {
        return new Observation(layer, op, socket, arguments, null, detail, null);
    }

    public static Observation failed(Layer layer, Operation op, String socket, String arguments, Failure failure) {
        return new Observation(layer, op, socket, arguments, null, null, failure);
    }

    public boolean succeeded() {
        return failure == null;
    }

    /** The port of the returned endpoint, or -1 when the call returned none. */
    public int port() {
        return endpoint == null ? -1 : endpoint.port();
    }

    /** The outcome in the short form reports use: an endpoint, a detail, {@code ok}, or the failure. */
    public String outcome() {
        if (failure != null) {
            return failure.shortForm();
        }
        if (endpoint != null) {
            return endpoint.shortForm();
        }
        return detail != null ? detail : "ok";
    }

    /** {@link #outcome()} with the port of an endpoint named port-free, for a judgement's outcome. */
    public String outcome(PortNames ports) {
        return failure == null && endpoint != null ? endpoint.shortForm(ports) : outcome();
    }

    /** The call and its outcome, as a line of a reproduction recipe. */
    @Override
    public String toString() {
        return "[" + layer.id() + "] " + socket + "." + operation.id() + "(" + arguments + ") -> " + outcome();
    }
}
