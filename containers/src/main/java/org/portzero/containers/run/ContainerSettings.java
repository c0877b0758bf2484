package org.portzero.containers.run;

import org.portzero.containers.platform.DeclaredFacts;

import org.portzero.containers.platform.NetworkMode;
import org.portzero.containers.platform.PlatformDefinition;
import org.portzero.model.RunnerSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a platform's container is created with, derived from its definition: the sysctls (IPv6
 * loopback switched on unless the platform says otherwise about {@code disable_ipv6}), the
 * runner's command line (with the runner properties the matrix forwards), user, memory, pids limit, network and hostname,
 * the engine runtime (empty: the engine's default, {@code runc}; or gVisor's {@code runsc}), and the confinement
 * declared to the runner ({@code -Dportzero.sandbox=}, checked from inside by the sandbox
 * family): every container has a read-only root filesystem, a tmpfs at {@value #TMPFS} and one
 * anonymous volume at {@value #VOLUME} for the runner jar, its results and scratch space.
 * {@code ip_unprivileged_port_start} is put back to the kernel's 1024, which Docker
 * lowers to 0, unless the platform sets it. The hostname resolves to
 * {@value #HOSTNAME_ADDRESS} through {@code /etc/hosts}, as on a Debian install: the JDK looks
 * its own host name up when a socket connects to the wildcard address, and Docker's
 * {@code --network none} leaves the name unresolvable otherwise.
 */
public record ContainerSettings(
        Map<String, String> sysctls,
        List<String> command,
        String user,
        long memoryBytes,
        String network,
        String hostname,
        long pidsLimit,
        List<String> sandbox,
        Optional<String> runtime) {

    /**
     * The container's one writable place that outlives its process: an anonymous volume (removed
     * with the container). The root filesystem is read-only and {@link #TMPFS} is gone when the
     * container stops, so the runner jar goes in and the results come out through here.
     */
    public static final String VOLUME = "/tmp/portzero";
    /** Where the runner jar is copied in the container, before it starts. */
    public static final String RUNNER_PATH = VOLUME + "/portzero-suites-runner.jar";
    /** Where the runner writes; copied out to {@code runs/<id>/} after it exits. */
    public static final String OUT_DIR = VOLUME + "/out";
    /** JNA unpacks its native stub here: writable by the non-root user, and not {@code noexec}. */
    public static final String JNA_TMPDIR = VOLUME + "/jna";
    /** Scratch space of an entrypoint that needs disk rather than memory (a kernel guest's initrd). */
    public static final String WORK_DIR = VOLUME + "/work";
    /** The directories made in {@link #VOLUME} before the start, world-writable with the sticky bit. */
    public static final List<String> VOLUME_DIRECTORIES = List.of(OUT_DIR, JNA_TMPDIR, WORK_DIR);
    /** A tmpfs for the JVM's and the tools' temporary files ({@code java.io.tmpdir}, hsperfdata). */
    public static final String TMPFS = "/tmp";
    /** Its mount options: counted against the container's memory limit. */
    public static final String TMPFS_OPTIONS = "rw,nosuid,nodev,size=128m,mode=1777";
    /** Where the container's own hostname points, as Debian's installer writes it. */
    public static final String HOSTNAME_ADDRESS = "127.0.1.1";

    /** Docker disables IPv6 in containers; these turn IPv6 loopback ({@code ::1}) back on. */
    static final Map<String, String> IPV6_ON = mapOf(
            "net.ipv6.conf.all.disable_ipv6", "0",
            "net.ipv6.conf.default.disable_ipv6", "0",
            "net.ipv6.conf.lo.disable_ipv6", "0");


    /** Docker lowers ip_unprivileged_port_start to 0 in containers; this restores the kernel's default. */
    static final String UNPRIVILEGED_PORT_START = "net.ipv4.ip_unprivileged_port_start";
    static final String KERNEL_UNPRIVILEGED_PORT_START = "1024";
    /** The pids limit of every platform container. */
    public static final long PIDS_LIMIT = 4096;

    public ContainerSettings {
        sysctls = Map.copyOf(sysctls);
        command = List.copyOf(command);
        sandbox = List.copyOf(sandbox);
    }

    /** The settings of a run with no forwarded runner property. */
    public static ContainerSettings of(PlatformDefinition platform) {
        return of(platform, RunnerSettings.NONE);
    }

    /** @param runner the runner properties the matrix forwards to every platform */
    public static ContainerSettings of(PlatformDefinition platform, RunnerSettings runner) {
        Map<String, String> sysctls = new LinkedHashMap<>();
        boolean mentionsIpv6 = platform.sysctls().keySet().stream().anyMatch(k -> DeclaredFacts.DISABLE_IPV6.matcher(k).matches());
        if (!mentionsIpv6) {
            sysctls.putAll(IPV6_ON);
        }
        sysctls.put(UNPRIVILEGED_PORT_START, KERNEL_UNPRIVILEGED_PORT_START);
        sysctls.putAll(platform.sysctls());

        // The confinement this container really has, declared to the runner's sandbox checks.
        List<String> sandbox = new ArrayList<>(List.of("nonroot", "nocaps", "nonewprivs", "readonly", "pids", "memory"));
        if (platform.network() == NetworkMode.NONE) {
            sandbox.add("loopback");
        }
        if (!sysctls.get(UNPRIVILEGED_PORT_START).strip().equals("0")) {
            sandbox.add("privports");
        }

        List<String> command = new ArrayList<>();
        command.add("java");
        command.addAll(RunnerSettings.RUNNER_VM_OPTIONS);
        command.addAll(platform.jvmArgs());
        command.add("-Djna.tmpdir=" + JNA_TMPDIR);
        command.add("-Dportzero.sandbox=" + String.join(",", sandbox));
        if (platform.layersJdk().isPresent()) {
            command.add("-D" + org.portzero.model.JdkIdentity.LAYERS_PROPERTY + "=" + org.portzero.containers.image.ImageRecipes.LAYERS_JAVA);
        }
        command.addAll(runner.jvmArguments(platform.id()));
        command.addAll(List.of("-jar", RUNNER_PATH, "--out", OUT_DIR));
        if (!platform.families().isEmpty()) {
            command.add("--families");
            command.add(String.join(",", platform.families()));
        }
        String hostname = ("portzero-" + platform.id()).replaceAll("[^a-z0-9-]", "-");
        return new ContainerSettings(sysctls, command, platform.user(), platform.memoryBytes(),
                platform.network().dockerName(), hostname.length() > 63 ? hostname.substring(0, 63) : hostname,
                PIDS_LIMIT, sandbox, platform.runtime().engineName());
    }

    private static Map<String, String> mapOf(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
