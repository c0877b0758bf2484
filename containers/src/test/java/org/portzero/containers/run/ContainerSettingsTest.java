package org.portzero.containers.run;

import org.junit.jupiter.api.Test;
import org.portzero.containers.platform.ImageSource;
import org.portzero.containers.platform.NetworkMode;
import org.portzero.containers.platform.PlatformDefinition;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A container's settings follow its platform; IPv6 loopback is on unless the platform says otherwise. */
class ContainerSettingsTest {

    @Test
    void ipv6LoopbackIsSwitchedOnByDefault() {
        ContainerSettings settings = ContainerSettings.of(platform("narrow.range_1",
                Map.of("net.ipv4.ip_local_port_range", "40000 40063"), List.of(), List.of()));
        assertEquals("0", settings.sysctls().get("net.ipv6.conf.all.disable_ipv6"), "all");
        assertEquals("0", settings.sysctls().get("net.ipv6.conf.lo.disable_ipv6"), "lo");
        assertEquals("40000 40063", settings.sysctls().get("net.ipv4.ip_local_port_range"), "platform sysctl kept");
        assertEquals("none", settings.network(), "network");
        assertEquals("portzero-narrow-range-1", settings.hostname(), "hostname is DNS-safe");
        assertEquals("1024", settings.sysctls().get("net.ipv4.ip_unprivileged_port_start"),
                "Docker's 0 is put back to the kernel's 1024");
    }

    @Test
    void aPlatformThatDisablesIpv6IsObeyed() {
        ContainerSettings settings = ContainerSettings.of(platform("ipv4-only",
                Map.of("net.ipv6.conf.all.disable_ipv6", "1", "net.ipv6.conf.lo.disable_ipv6", "1"), List.of(), List.of()));
        assertEquals("1", settings.sysctls().get("net.ipv6.conf.all.disable_ipv6"), "all");
        assertEquals("1", settings.sysctls().get("net.ipv6.conf.lo.disable_ipv6"), "lo");
        assertFalse(settings.sysctls().containsKey("net.ipv6.conf.default.disable_ipv6"), "no default added");
    }

    @Test
    void privilegedPortsAreDeclaredOnlyWhenTheyExist() {
        ContainerSettings open = ContainerSettings.of(platform("open-ports",
                Map.of("net.ipv4.ip_unprivileged_port_start", "0"), List.of(), List.of()));
        assertEquals(List.of("nonroot", "nocaps", "nonewprivs", "readonly", "pids", "memory", "loopback"), open.sandbox());
    }

    @Test
    void theCommandRunsTheRunnerWithTheJvmArgsAndFamilies() {
        ContainerSettings settings = ContainerSettings.of(platform("p", Map.of(),
                List.of("-Xmx256m"), List.of("bind0", "exhaust")));
        assertEquals(List.of("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-Djna.tmpdir=/tmp/portzero/jna",
                "-Dportzero.sandbox=nonroot,nocaps,nonewprivs,readonly,pids,memory,loopback,privports",
                "-Dportzero.platform=p", "-jar",
                ContainerSettings.RUNNER_PATH, "--out", ContainerSettings.OUT_DIR, "--families", "bind0,exhaust"),
                settings.command());
        assertTrue(settings.user().startsWith("10001"), "non-root user " + settings.user());
    }

    @Test
    void theForwardedRunnerPropertiesReachTheContainersRunner() {
        java.util.Properties given = new java.util.Properties();
        given.setProperty("portzero.families", "bind0");
        given.setProperty("portzero.checks", "bind0.*");
        given.setProperty("portzero.seed", "7");
        ContainerSettings settings = ContainerSettings.of(platform("debian13-jdk25", Map.of(), List.of(), List.of()),
                org.portzero.model.RunnerSettings.from(given));
        List<String> command = settings.command();
        assertEquals(List.of("-Dportzero.seed=7", "-Dportzero.families=bind0", "-Dportzero.checks=bind0.*",
                        "-Dportzero.platform=debian13-jdk25"),
                command.subList(command.indexOf("-Dportzero.seed=7"), command.indexOf("-jar")),
                "forwarded properties, then the platform, before the jar: " + command);
    }

    private static PlatformDefinition platform(String id, Map<String, String> sysctls, List<String> jvmArgs,
                                               List<String> families) {
        return new PlatformDefinition(id, "test", new ImageSource.SharedImage("debian13-jdk25"), Optional.empty(),
                Optional.empty(), sysctls, NetworkMode.NONE, PlatformDefinition.DEFAULT_USER, jvmArgs,
                PlatformDefinition.DEFAULT_MEMORY_BYTES, Duration.ofMinutes(1), families, Path.of("/tmp/" + id));
    }
}
