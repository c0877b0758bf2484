package org.portzero.suites.checks.common;

import java.net.InetAddress;
import org.portzero.suites.probe.AddressFamily;

/** Where a variant binds: the family's loopback or its wildcard. */
public enum BindAddress {
    LOOPBACK, WILDCARD;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public InetAddress of(AddressFamily family) {
        return this == LOOPBACK ? family.loopback() : family.wildcard();
    }
}
