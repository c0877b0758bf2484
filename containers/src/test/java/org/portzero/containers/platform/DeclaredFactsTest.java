package org.portzero.containers.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.portzero.model.EphemeralRange;
import org.portzero.model.PlatformFacts;
import org.portzero.model.PortSet;

/** A platform's declared facts come from its platform.yaml; a run that lacks one is named, not passed. */
class DeclaredFactsTest {

    private static final Path HOME = Path.of(System.getProperty("portzero.platforms.home", "platforms"));

    private static DeclaredFacts declared(String id) {
        return DeclaredFacts.of(new PlatformDefinitionReader().read(HOME.resolve(id)));
    }

    private static PlatformFacts facts(String range, String reserved, Integer bindV6Only, boolean ipv6) {
        return new PlatformFacts("6.12.0", EphemeralRange.parse(range), PortSet.parse(reserved), 1024, bindV6Only,
                ipv6, ipv6, 10001, "Debian", "vendor", "25", "25", Map.of(), null);
    }

    @Test
    void everyPlatformButIpv4OnlyDeclaresIpv6Loopback() {
        assertTrue(declared("debian13-jdk25").ipv6Loopback());
        assertTrue(declared("narrow-range").ipv6Loopback());
        assertEquals(false, declared("ipv4-only").ipv6Loopback());
        assertTrue(DeclaredFacts.HOST.ipv6Loopback());
        assertEquals(false, DeclaredFacts.host(false).ipv6Loopback(), "-Dportzero.host.ipv6=false");
    }

    @Test
    void aPlatformThatOwnsAnyIpv6SwitchAndSetsItDoesNotDeclareIpv6() {
        PlatformDefinition jdk25 = new PlatformDefinitionReader().read(HOME.resolve("debian13-jdk25"));
        PlatformDefinition defaultOff = new PlatformDefinition(jdk25.id(), "", jdk25.image(), jdk25.jdkPackage(),
                jdk25.jdkHome(), Map.of("net.ipv6.conf.default.disable_ipv6", "1"), jdk25.network(), jdk25.user(),
                jdk25.jvmArgs(), jdk25.memoryBytes(), jdk25.timeout(), jdk25.families(), jdk25.folder());
        assertEquals(false, DeclaredFacts.of(defaultOff).ipv6Loopback(), "default.disable_ipv6: 1");
    }

    @Test
    void aPlatformThatLostIpv6OrItsSysctlsIsNamed() {
        assertEquals(List.of("IPv6 loopback declared but not usable (ipv6Available=false, ipv6Loopback=false); "
                        + "if meant, declare net.ipv6.conf.all.disable_ipv6: 1 (a container platform)"
                        + " or pass -Dportzero.host.ipv6=false (the host)",
                        "ip_local_port_range declared 40000-40063, read 32768-60999"),
                declared("narrow-range").unmetBy(facts("32768 60999", "", 0, false)));
        assertEquals(List.of("ip_local_reserved_ports declared 40000-40499,40600-40699, read (none)"),
                declared("reserved").unmetBy(facts("40000 40999", "", 0, true)));
        assertEquals(List.of("bindv6only declared 1, read 0"), declared("v6only").unmetBy(facts("32768 60999", "", 0, true)));
    }

    @Test
    void whatWasDeclaredAndReadBackIsMet() {
        assertEquals(List.of(), declared("reserved").unmetBy(facts("40000 40999", "40000-40499,40600-40699", 0, true)));
        assertEquals(List.of(), declared("ipv4-only").unmetBy(facts("32768 60999", "", 0, false)));
    }
}
