package org.portzero.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * The agent's protocol, spelled once for both ends (the runner reads it with this class too).
 * One request per line, one answer line per request, in order; fields separated by a tab, each
 * field escaped ({@code \\}, {@code \t}, {@code \n}) and {@link #NULL} for a missing value.
 *
 * <pre>
 *   request   LANE \t OP \t field …               e.g. 0 \t bind \t 7 \t 7f000001 \t 0 \t 127.0.0.1:0
 *   answer    LANE \t R \t origin \t arguments \t endpoint \t detail \t errno \t exception \t message \t handle
 *             LANE \t H \t key \t value …         (hello: the agent's JDK)
 *             LANE \t E \t message                (the request itself was malformed: a harness fault)
 *   crowd     LANE \t crowd \t layer \t family \t transport \t role \t hex \t port \t spelled \t count
 *             answered by one line of results, {@link #RESULT_FIELDS} fields each: per socket its open,
 *             then (when it opened) its bind and getsockname; the hot path of the unique family
 *   release   LANE \t release \t handle …         (housekeeping for any number of sockets at once)
 *
 * A lane is one runner thread: its requests are answered in order; lanes run side by side.
 * </pre>
 *
 * An answer's {@code origin} is {@code jdk} for a call through the JDK's API and {@code kernel} for
 * the kernel's own getsockname or getpeername on the descriptor behind a JDK object. An endpoint is
 * {@code HEX,PORT}: the address bytes as the JDK or the kernel returned them (4 or 16 bytes).
 */
public final class Wire {

    /** A missing value: no endpoint, no detail, no failure. */
    public static final String NULL = "\\N";
    public static final String ANSWER = "R";
    /** How many fields one result has: R, origin, arguments, endpoint, detail, errno, exception, message, handle. */
    public static final int RESULT_FIELDS = 9;
    public static final String HELLO = "H";
    public static final String ERROR = "E";
    public static final String JDK = "jdk";
    public static final String KERNEL = "kernel";

    /**
     * The exception name of a failure that says the JDK under test lacks an API the call needs
     * ({@code Socket.setOption} in JDK 8): the check cannot run on this JDK, which is no deviation.
     */
    public static final String MISSING_API = "MissingApi";
    /** The exception name when the JDK positively says the socket is closed (no descriptor left). */
    public static final String CLOSED = "Closed";
    /** The exception name when no descriptor was found: not created yet, or hidden. */
    public static final String NO_DESCRIPTOR = "NoDescriptor";

    /** The operations, as the first field of a request spells them. */
    public static final String HELLO_OP = "hello";
    public static final String OPEN = "open";
    public static final String BIND = "bind";
    public static final String LISTEN = "listen";
    public static final String CONNECT = "connect";
    public static final String ACCEPT = "accept";
    public static final String SEND = "send";
    public static final String GETSOCKNAME = "getsockname";
    public static final String GETPEERNAME = "getpeername";
    public static final String SETSOCKOPT = "setsockopt";
    public static final String STATE = "state";
    public static final String KERNEL_SOCKNAME = "kernel_getsockname";
    public static final String KERNEL_PEERNAME = "kernel_getpeername";
    public static final String SHUTDOWN = "shutdown";
    public static final String CLOSE = "close";
    /**
     * Open, bind and getsockname, {@code count} sockets in turn, in one request and one answer:
     * what {@code count} rounds of those three requests would answer, without the round trips.
     */
    public static final String CROWD = "crowd";
    /** Housekeeping, answered with an empty result: SO_LINGER {on, 0} before the next close. */
    public static final String RESET_ON_CLOSE = "reset_on_close";
    /** Housekeeping, answered with one empty result: release the sockets without recording. */
    public static final String RELEASE = "release";

    private Wire() {
    }

    /** One line of fields. */
    public static String line(String... fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                b.append('\t');
            }
            b.append(escape(fields[i]));
        }
        return b.toString();
    }

    /** The fields of a line, unescaped; {@link #NULL} becomes null. */
    public static List<String> fields(String line) {
        List<String> out = new ArrayList<String>();
        StringBuilder field = new StringBuilder();
        boolean isNull = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                out.add(isNull ? null : field.toString());
                field.setLength(0);
                isNull = false;
            } else if (c == '\\' && i + 1 < line.length()) {
                char n = line.charAt(++i);
                if (n == 'N') {
                    isNull = true;
                } else {
                    field.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
                }
            } else {
                field.append(c);
            }
        }
        out.add(isNull ? null : field.toString());
        return out;
    }

    static String escape(String s) {
        if (s == null) {
            return NULL;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\': b.append("\\\\"); break;
                case '\t': b.append("\\t"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                default: b.append(c);
            }
        }
        return b.toString();
    }

    /** {@code HEX,PORT}. */
    public static String endpoint(byte[] address, int port) {
        return hex(address) + "," + port;
    }

    public static String hex(byte[] bytes) {
        StringBuilder b = new StringBuilder(bytes.length * 2);
        for (byte x : bytes) {
            b.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
        }
        return b.toString();
    }

    public static byte[] unhex(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
