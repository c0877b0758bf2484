package org.portzero.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * Whose TCP/IP stack served the platform's sockets, as the platform says itself: Linux's, or gVisor's
 * netstack (a second implementation, in user space). gVisor's sentry announces itself on the first
 * line of the kernel log it serves ({@code syslog(2)}, what {@code dmesg} reads): "Starting gVisor...".
 * A Linux kernel says something else there, or refuses an unprivileged reader (EPERM).
 */
public enum NetworkStack {
    LINUX("linux", "Linux"),
    GVISOR("gvisor", "gVisor netstack");

    /** The first kernel-log line of a gVisor sandbox (pkg/sentry/kernel's syslog). */
    static final String GVISOR_ANNOUNCEMENT = "Starting gVisor";

    private final String id;
    private final String title;

    NetworkStack(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** The stack whose kernel log starts with {@code firstLine} (empty when the log was refused or empty). */
    public static NetworkStack announcedBy(String firstLine) {
        return firstLine.contains(GVISOR_ANNOUNCEMENT) ? GVISOR : LINUX;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    @JsonCreator
    public static NetworkStack of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no network stack '" + id + "' (linux, gvisor)"));
    }
}
