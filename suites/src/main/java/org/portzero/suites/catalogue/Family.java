package org.portzero.suites.catalogue;

/** The behaviour families: the mission's five first. */
public enum Family {
    BIND0("port-0 binding yields a real ephemeral port"),
    UNIQUE("ephemeral ports handed out at the same time are unique"),
    CONNECT0("connecting or sending to port 0 is refused, and by whom"),
    WILDCARD("getsockname on wildcard-bound and unbound sockets"),
    CONNECTED("local and peer addresses after connect and accept"),
    EXHAUST("an exhausted ephemeral range fails each call kind with its own errno"),
    RESERVED("reserved ports are never autobound, yet explicitly bindable"),
    SOCKOPT("IP_BIND_ADDRESS_NO_PORT and IP_LOCAL_PORT_RANGE"),
    PARITY("the parity autobinding prefers (informational where undocumented)"),
    SANDBOX("the confinement a platform declares holds from inside it"),
    DUALSTACK("wildcard, loopback and v4-mapped binds on one port conflict exactly when they overlap");

    private final String summary;

    Family(String summary) {
        this.summary = summary;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String summary() {
        return summary;
    }

    public static Family of(String id) {
        return valueOf(id.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
