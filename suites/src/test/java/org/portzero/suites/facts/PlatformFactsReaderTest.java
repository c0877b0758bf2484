package org.portzero.suites.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portzero.model.EphemeralRange;
import org.portzero.model.PlatformFacts;

/** Facts come from the files, never from assumptions. */
class PlatformFactsReaderTest {

    private static void write(Path root, String relative, String text) throws Exception {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void readsANarrowRangeWithReservedPortsAndNoIpv6(@TempDir Path root) throws Exception {
        write(root, "proc/sys/kernel/osrelease", "6.12.48+deb13-cloud-amd64\n");
        write(root, "proc/sys/net/ipv4/ip_local_port_range", "40000\t40063\n");
        write(root, "proc/sys/net/ipv4/ip_local_reserved_ports", "40010-40019,40030\n");
        write(root, "proc/sys/net/ipv4/ip_unprivileged_port_start", "1024\n");
        write(root, "proc/net/if_inet6", "");
        write(root, "proc/self/status", "Name:\tjava\nUid:\t1000\t1000\t1000\t1000\n");
        write(root, "etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 13 (trixie)\"\n");
        PlatformFacts f = new PlatformFactsReader(root).read();
        assertThat(f.portRange()).isEqualTo(new EphemeralRange(40000, 40063));
        assertThat(f.portRange().size()).isEqualTo(64);
        assertThat(f.reservedPorts().contains(40015)).isTrue();
        assertThat(f.reservedPorts().contains(40030)).isTrue();
        assertThat(f.reservedPorts().contains(40031)).isFalse();
        assertThat(f.reservedPorts().size()).isEqualTo(11);
        assertThat(f.ipv6Usable()).isFalse();
        assertThat(f.bindV6Only()).isNull();
        assertThat(f.uid()).isEqualTo(1000);
        assertThat(f.distro()).isEqualTo("Debian GNU/Linux 13 (trixie)");
    }

    @Test
    void aMissingPortRangeIsAnErrorThatNamesTheFile(@TempDir Path root) {
        assertThatThrownBy(() -> new PlatformFactsReader(root).read())
                .hasMessageContaining("/proc/sys/net/ipv4/ip_local_port_range");
    }

    @Test
    void theLiveSysctlIsReadWhole() {
        // /proc sysctls answer a read at a non-zero offset with EOF; a one-byte first read sees "3".
        PlatformFacts f = new PlatformFactsReader().read();
        assertThat(f.portRange().size()).isGreaterThan(1);
    }
}
