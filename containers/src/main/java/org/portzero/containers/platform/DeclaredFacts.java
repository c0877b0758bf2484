package org.portzero.containers.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    public static final DeclaredFacts HOST = new DeclaredFacts(true, Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    /** What a container platform's sysctls promise. */
    public static DeclaredFacts of(PlatformDefinition platform) {
        Map<String, String> s = platform.sysctls();
        boolean ipv6Off = s.entrySet().stream().anyMatch(e -> e.getKey().matches("net\\.ipv6\\.conf\\.(all|lo)\\.disable_ipv6")
                && e.getValue().strip().equals("1"));
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
                    + ", ipv6Loopback=" + facts.ipv6Loopback() + "); declare net.ipv6.conf.all.disable_ipv6: 1 if meant");
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
