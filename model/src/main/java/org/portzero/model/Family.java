package org.portzero.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The behaviour families, registered here and nowhere else: the runner's usage text, the order
 * families run in, the matrix's row order and the catalogue's tests are derived from this list.
 * The mission's five come first. A family's checks live in the suites' package
 * {@code org.portzero.suites.checks.<id>} (see docs/ARCHITECTURE.md, "Adding a family").
 */
public enum Family {
    BIND0("port-0 binding yields a real ephemeral port", Range.SHARES),
    UNIQUE("ephemeral ports handed out at the same time are unique", Range.LEAVES_TIME_WAIT),
    CONNECT0("connecting or sending to port 0 is refused, and by whom", Range.SHARES),
    WILDCARD("getsockname on wildcard-bound and unbound sockets", Range.SHARES),
    CONNECTED("local and peer addresses after connect and accept", Range.SHARES),
    EXHAUST("an exhausted ephemeral range fails each call kind with its own errno", Range.USES_UP),
    RESERVED("reserved ports are never autobound, yet explicitly bindable", Range.USES_UP),
    SOCKOPT("IP_BIND_ADDRESS_NO_PORT and IP_LOCAL_PORT_RANGE", Range.SHARES),
    PARITY("the parity autobinding prefers (informational where undocumented)", Range.SHARES),
    SANDBOX("the confinement a platform declares holds from inside it", Range.SHARES),
    DUALSTACK("wildcard, loopback and v4-mapped binds on one port conflict exactly when they overlap", Range.SHARES);

    /** How a family treats the ephemeral range, in the order families run (declaration order). */
    public enum Range {
        /** Counts the free ports and takes them all: runs before any family leaves TIME_WAIT entries behind. */
        USES_UP,
        /** Takes a few ports at a time and gives them back. */
        SHARES,
        /**
         * Takes ports and gives them back, but its last checks may leave TIME_WAIT entries behind, each
         * holding an ephemeral port for 60 s: runs after every other family, so no other check is
         * charged those ports (on a range of four free ports, one is a quarter of it) and none waits
         * them out.
         */
        LEAVES_TIME_WAIT
    }

    private final String summary;
    private final Range range;

    Family(String summary, Range range) {
        this.summary = summary;
        this.range = range;
    }

    /** The id in check ids, options, files and reports: {@code bind0}. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String summary() {
        return summary;
    }

    public Range range() {
        return range;
    }

    /** The family {@code id} names; an unknown id is an error listing the known ones. */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static Family of(String id) {
        String wanted = id.trim();
        return Arrays.stream(values()).filter(f -> f.id().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown family '" + wanted + "' (families: " + ids() + ")"));
    }

    /** {@code bind0, unique, …} in registration order. */
    public static String ids() {
        return Arrays.stream(values()).map(Family::id).collect(Collectors.joining(", "));
    }

    /** The order families run in: by {@link Range} (those that use up the range first), then registration order. */
    public static List<Family> runOrder(List<Family> families) {
        return families.stream().sorted(Comparator.comparing(Family::range).thenComparing(Family::ordinal)).toList();
    }
}
