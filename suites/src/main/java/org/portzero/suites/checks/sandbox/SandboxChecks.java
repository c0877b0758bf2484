package org.portzero.suites.checks.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.portzero.model.CheckId;
import org.portzero.model.Family;
import org.portzero.model.SpecLink;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.probe.AddressFamily;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.probe.Observation;
import org.portzero.suites.probe.ProbeSocket;
import org.portzero.suites.probe.SocketShape;
import org.portzero.suites.probe.Trace;
import org.portzero.suites.probe.Transport;
import org.portzero.suites.verdict.Judgement;
import org.portzero.suites.verdict.PreconditionUnmet;

/**
 * Claim: the confinement a platform declares ({@code -Dportzero.sandbox=nonroot,nocaps,…}, set
 * by the containers that run it) holds as seen from inside: a non-root uid, no effective
 * capabilities, {@code no_new_privs}, a read-only root filesystem (a write there fails with
 * EROFS) and a writable tmpfs at {@code /tmp}, no network interface but loopback, a pids limit
 * and a memory limit, and a privileged port the runner cannot bind. A
 * platform that declares nothing (the host) skips them all.
 *
 * <p>Spec: capabilities(7), prctl(2) PR_SET_NO_NEW_PRIVS, proc(5) ({@code /proc/self/status},
 * {@code /proc/self/mounts}, {@code /proc/net/dev}), cgroups(7), ip(7)
 * ({@code ip_unprivileged_port_start}).
 *
 * <p>Assumes: cgroup v1 or v2 mounted at {@code /sys/fs/cgroup}.
 */
public final class SandboxChecks {

    /** What a platform may declare, by the word it uses in {@code portzero.sandbox}. */
    public static final Set<String> CLAIMS = Set.of("nonroot", "nocaps", "nonewprivs", "readonly", Bench.LOOPBACK_ONLY,
            "pids", "memory", "privports");

    private static final List<SpecLink> SPECS = List.of(
            new SpecLink("capabilities(7)", "https://man7.org/linux/man-pages/man7/capabilities.7.html"),
            new SpecLink("proc(5)", "https://man7.org/linux/man-pages/man5/proc.5.html"),
            new SpecLink("cgroups(7)", "https://man7.org/linux/man-pages/man7/cgroups.7.html"));

    private final Bench bench;
    private final Set<String> declared;

    public SandboxChecks(Bench bench) {
        this(bench, System.getProperty(Bench.SANDBOX, ""));
    }

    SandboxChecks(Bench bench, String declaration) {
        this.bench = bench;
        this.declared = Bench.confinement(declaration);
    }

    public Stream<Check> checks() {
        List<Check> checks = new ArrayList<>();
        checks.add(check("nonroot", "uid", "not_root", "the runner's uid is not 0", this::nonRoot));
        checks.add(check("nocaps", "capabilities", "none_effective", "no capability is effective", this::noCaps));
        checks.add(check("nonewprivs", "no_new_privs", "set", "no_new_privs is set", this::noNewPrivs));
        checks.add(check("readonly", "rootfs", "read_only", "the root filesystem is mounted read-only", this::readOnly));
        checks.add(check("readonly", "rootfs", "write_refused",
                "creating a file in /var/tmp on the root filesystem fails with EROFS", this::writeRefused));
        checks.add(check("readonly", "tmp", "tmpfs_writable", "/tmp is a tmpfs the runner can write", this::tmpWritable));
        checks.add(check(Bench.LOOPBACK_ONLY, "interfaces", "loopback_only", "no network interface but lo", this::loopbackOnly));
        checks.add(check("pids", "cgroup", "pids_limited", "the pids controller sets a limit", this::pidsLimited));
        checks.add(check("memory", "cgroup", "memory_limited", "the memory controller sets a limit", this::memoryLimited));
        checks.add(check("privports", "tcp4_privileged_libc", "bind_refused",
                "bind to a port below ip_unprivileged_port_start is refused (EACCES)", this::privilegedPortRefused));
        return checks.stream();
    }

    private interface Claim {
        Judgement judge(Trace trace) throws IOException;
    }

    private Check check(String claim, String variant, String name, String text, Claim body) {
        return new Check(new CheckId(Family.SANDBOX, variant, name), Layer.LIBC, text, Map.of("declared", claim), SPECS,
                trace -> {
                    PreconditionUnmet.require(declared.contains(claim),
                            "the platform does not declare '" + claim + "' (portzero.sandbox=" + String.join(",", declared) + ")");
                    return body.judge(trace);
                });
    }

    private static String read(String path) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            return new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
        }
    }

    private static Optional<String> statusField(String name) throws IOException {
        return read("/proc/self/status").lines().filter(l -> l.startsWith(name + ":"))
                .map(l -> l.substring(name.length() + 1).trim()).findFirst();
    }

    private Judgement nonRoot(Trace trace) {
        int uid = bench.facts().uid();
        return Judgement.check(uid != 0, uid != 0 ? "not root" : "root", "not root",
                "the runner runs as root inside a platform that declares nonroot").withFigures("uid " + uid);
    }

    private Judgement noCaps(Trace trace) throws IOException {
        String eff = statusField("CapEff").orElse("?");
        return Judgement.check(eff.matches("0+"), "CapEff " + eff, "CapEff 0", "effective capabilities " + eff);
    }

    private Judgement noNewPrivs(Trace trace) throws IOException {
        String nnp = statusField("NoNewPrivs").orElse("?");
        return Judgement.check("1".equals(nnp), "NoNewPrivs " + nnp, "NoNewPrivs 1", "no_new_privs is " + nnp);
    }

    private Judgement readOnly(Trace trace) throws IOException {
        Optional<String[]> root = mount("/");
        boolean ro = root.map(f -> Arrays.asList(f[3].split(",")).contains("ro")).orElse(false);
        // The outcome names the type and the ro/rw flag only: the full options carry per-container
        // overlay paths, which would make every platform "disagree" in the matrix.
        String outcome = root.map(f -> "/ " + f[2] + (ro ? " ro" : " rw")).orElse("/ not mounted");
        return Judgement.check(ro, outcome, "/ ro", "the root filesystem is mounted "
                + root.map(f -> f[2] + " " + f[3]).orElse("(not found)"));
    }

    /** The mount options of the filesystem mounted at {@code mountPoint}, the last one mounted there. */
    private static Optional<String[]> mount(String mountPoint) throws IOException {
        return read("/proc/self/mounts").lines().map(l -> l.split(" "))
                .filter(f -> f.length > 3 && f[1].equals(mountPoint)).reduce((a, b) -> b);
    }

    private Judgement writeRefused(Trace trace) throws IOException {
        Path varTmp = Path.of("/var/tmp");
        PreconditionUnmet.require(Files.isDirectory(varTmp), "there is no /var/tmp");
        PreconditionUnmet.require(mount("/var/tmp").isEmpty(), "/var/tmp is a mount of its own, not the root filesystem");
        Path probe = varTmp.resolve("portzero-rootfs-probe-" + ProcessHandle.current().pid());
        String outcome;
        try {
            Files.createFile(probe);
            Files.delete(probe);
            outcome = "created";
        } catch (java.nio.file.FileSystemException e) {
            outcome = e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
        }
        return Judgement.check(outcome.equals("Read-only file system"), outcome, "Read-only file system",
                "creating " + probe + " gave: " + outcome);
    }

    private Judgement tmpWritable(Trace trace) throws IOException {
        String type = mount("/tmp").map(f -> f[2]).orElse("not a mount");
        Path probe = Files.createTempFile(Path.of("/tmp"), "portzero-tmpfs-probe", "");
        Files.delete(probe);
        return Judgement.check(type.equals("tmpfs"), "/tmp " + type + ", writable", "/tmp tmpfs, writable",
                "/tmp is " + type);
    }

    private Judgement loopbackOnly(Trace trace) throws IOException {
        List<String> ifaces = read("/proc/net/dev").lines().skip(2).map(l -> l.split(":")[0].trim())
                .collect(Collectors.toList());
        return Judgement.check(ifaces.equals(List.of("lo")), String.join(",", ifaces), "lo",
                "network interfaces besides loopback: " + ifaces);
    }

    private static Optional<String> firstReadable(String... paths) {
        for (String p : paths) {
            try {
                return Optional.of(read(p).trim());
            } catch (IOException e) {
                // try the other cgroup layout
            }
        }
        return Optional.empty();
    }

    private Judgement pidsLimited(Trace trace) {
        String max = firstReadable("/sys/fs/cgroup/pids.max", "/sys/fs/cgroup/pids/pids.max").orElse("unreadable");
        boolean limited = max.matches("\\d+");
        return Judgement.check(limited, limited ? "pids limited" : "pids unlimited", "pids limited", "pids.max is " + max)
                .withFigures("pids.max " + max);
    }

    private Judgement memoryLimited(Trace trace) {
        String max = firstReadable("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes")
                .orElse("unreadable");
        // cgroup v1 spells "no limit" as a huge number (PAGE_COUNTER_MAX pages).
        boolean limited = max.matches("\\d+") && Long.parseLong(max) < (1L << 50);
        return Judgement.check(limited, limited ? "memory limited" : "memory unlimited", "memory limited",
                "the memory limit is " + max).withFigures("memory limit " + max);
    }

    private Judgement privilegedPortRefused(Trace trace) {
        int start = bench.facts().unprivilegedPortStart();
        PreconditionUnmet.require(start > 1, "ip_unprivileged_port_start is " + start + ": no port is privileged");
        ProbeSocket s = bench.layer(Layer.LIBC).open(new SocketShape(AddressFamily.IPV4, Transport.TCP), trace);
        Observation bind = s.bind(new InetSocketAddress(AddressFamily.IPV4.loopback(), start - 1));
        boolean refused = bind.failure() != null && "EACCES".equals(bind.failure().errno());
        return Judgement.check(refused, bind.outcome(), "EACCES",
                "bind(127.0.0.1:" + (start - 1) + ") by uid " + bench.facts().uid() + " gave " + bind.outcome());
    }
}
