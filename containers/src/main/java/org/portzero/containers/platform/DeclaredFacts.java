package org.portzero.containers.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.portzero.model.EphemeralRange;
import org.portzero.model.PlatformFacts;
import org.portzero.model.PortSet;

/**
 * The facts a platform must have, derived from its declaration: IPv6 on loopback unless its sysctls
 * disable IPv6, and every sysctl it sets that the runner reads back ({@link PlatformFacts}). A run
 * whose {@code platform.json} lacks one is broken: a platform that silently lost IPv6 would
 * otherwise skip every IPv6 row and pass.
 *
 * @param ipv6Loopback          whether {@code ::1} must be usable
 * @param portRange             the {@code ip_local_port_range} the platform sets
 * @param reservedPorts         the {@code ip_local_reserved_ports} the platform sets
 * @param unprivilegedPortStart the {@code ip_unprivileged_port_start} the platform sets
 * @param bindV6Only            the {@code bindv6only} the platform sets
 */
public record DeclaredFacts(boolean ipv6Loopback, Optional<EphemeralRange> portRange, Optional<PortSet> reservedPorts,
                            Optional<Integer> unprivilegedPortStart, Optional<Integer> bindV6Only) {

    /** A host platform declares IPv6 on loopback and nothing else: its sysctls are the machine's. */
    public static final DeclaredFacts HOST = host(true);

    /** The sysctls that switch IPv6 on or off for an interface, {@code all} or {@code default}. */
    public static final Pattern DISABLE_IPV6 = Pattern.compile("net\\.ipv6\\.conf\\.[^.]+\\.disable_ipv6");

    /** A host platform: IPv6 loopback when {@code ipv6} ({@code -Dportzero.host.ipv6=false} on a machine without it). */
    public static DeclaredFacts host(boolean ipv6) {
        return new DeclaredFacts(ipv6, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * What a container platform's sysctls promise. IPv6 loopback unless it sets any
     * {@code disable_ipv6} to 1: a platform that mentions none gets IPv6 switched on by the
     * harness (Docker switches it off), one that mentions it owns the switch.
     */
    public static DeclaredFacts of(PlatformDefinition platform) {
        Map<String, String> s = platform.sysctls();
        boolean ipv6Off = s.entrySet().stream().anyMatch(e -> DISABLE_IPV6.matcher(e.getKey()).matches()
                && !e.getValue().strip().equals("0"));
        return new DeclaredFacts(!ipv6Off,
                Optional.ofNullable(s.get("net.ipv4.ip_local_port_range")).map(EphemeralRange::parse),
                Optional.ofNullable(s.get("net.ipv4.ip_local_reserved_ports")).map(PortSet::parse),
                Optional.ofNullable(s.get("net.ipv4.ip_unprivileged_port_start")).map(v -> Integer.valueOf(v.strip())),
                Optional.ofNullable(s.get("net.ipv6.bindv6only")).map(v -> Integer.valueOf(v.strip())));
    }

    /** The declared facts {@code facts} lacks, one line each naming what was declared and what was read. */
    public List<String> unmetBy(PlatformFacts facts) {
        List<String> unmet = new ArrayList<>();
        if (ipv6Loopback && !facts.ipv6Usable()) {
            unmet.add("IPv6 loopback declared but not usable (ipv6Available=" + facts.ipv6Available()
                    + ", ipv6Loopback=" + facts.ipv6Loopback() + "); if meant, declare net.ipv6.conf.all.disable_ipv6: 1"
                    + " (a container platform) or pass -Dportzero.host.ipv6=false (the host)");
        }
        portRange.filter(r -> !r.equals(facts.portRange())).ifPresent(r ->
                unmet.add("ip_local_port_range declared " + r + ", read " + facts.portRange()));
        reservedPorts.filter(r -> !r.equals(facts.reservedPorts())).ifPresent(r ->
                unmet.add("ip_local_reserved_ports declared " + r + ", read " + facts.reservedPorts()));
        unprivilegedPortStart.filter(p -> p != facts.unprivilegedPortStart()).ifPresent(p ->
                unmet.add("ip_unprivileged_port_start declared " + p + ", read " + facts.unprivilegedPortStart()));
        bindV6Only.filter(b -> !b.equals(facts.bindV6Only())).ifPresent(b ->
                unmet.add("bindv6only declared " + b + ", read " + facts.bindV6Only()));
        return unmet;
    }
}
