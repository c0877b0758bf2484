package org.portzero.suites.facts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.portzero.model.EphemeralRange;
import org.portzero.model.JdkIdentity;
import org.portzero.model.NetworkStack;
import org.portzero.model.PlatformFacts;
import org.portzero.model.PortSet;
import org.portzero.suites.probe.AddressFamily;
import org.portzero.suites.probe.KernelLog;
import org.portzero.suites.probe.LibcLayer;
import org.portzero.suites.probe.SocketShape;
import org.portzero.suites.probe.Transport;

/** Reads {@link PlatformFacts} from {@code /proc}, {@code /etc/os-release} and the JVM. */
public final class PlatformFactsReader {

    private static final List<String> NET_PROPERTIES = List.of(
            "java.net.preferIPv4Stack", "java.net.preferIPv6Addresses", "jdk.net.usePlainSocketImpl",
            "jdk.net.usePlainDatagramSocketImpl", "sun.net.useExclusiveBind");

    private final Path root;

    /** Reads the running platform. */
    public PlatformFactsReader() {
        this(Path.of("/"));
    }

    /** Reads a platform whose {@code /proc} and {@code /etc} lie under {@code root} (for tests). */
    public PlatformFactsReader(Path root) {
        this.root = root;
    }

    /** Reads the running platform, whose JDK under test is this JVM's. */
    public PlatformFacts read() {
        Map<String, String> net = new TreeMap<>();
        for (String p : NET_PROPERTIES) {
            String v = System.getProperty(p);
            if (v != null) {
                net.put(p, v);
            }
        }
        return read(thisJdk(), net);
    }

    /** The JDK this runner runs on. */
    public static JdkIdentity thisJdk() {
        return new JdkIdentity(System.getProperty("java.vendor"), System.getProperty("java.version"),
                System.getProperty("java.vm.version"));
    }

    /**
     * Reads the running platform whose JDK under test is another JVM's (the probe agent's): its
     * identity and its network properties, as it reported them.
     */
    public PlatformFacts read(JdkIdentity underTest, Map<String, String> net) {
        String ifInet6 = text("proc/net/if_inet6", "");
        return new PlatformFacts(
                text("proc/sys/kernel/osrelease", System.getProperty("os.version")).trim(),
                EphemeralRange.parse(required("proc/sys/net/ipv4/ip_local_port_range")),
                PortSet.parse(text("proc/sys/net/ipv4/ip_local_reserved_ports", "")),
                Integer.parseInt(text("proc/sys/net/ipv4/ip_unprivileged_port_start", "1024").trim()),
                optionalInt("proc/sys/net/ipv6/bindv6only"),
                !ifInet6.isBlank(),
                ifInet6.lines().anyMatch(l -> l.startsWith("00000000000000000000000000000001")),
                uid(),
                osRelease(),
                underTest.vendor(),
                underTest.version(),
                underTest.vmVersion(),
                new TreeMap<>(net),
                LibcLayer.ask(new SocketShape(AddressFamily.IPV4, Transport.MPTCP)),
                thisJdk(),
                NetworkStack.announcedBy(KernelLog.firstLine()));
    }

    /**
     * Reads a whole /proc file in one {@code read}: sysctl handlers answer a read at a non-zero
     * offset with EOF, so {@code Files.readString} (which first reads one byte) sees only "3".
     */
    private String read(String relative) throws IOException {
        try (InputStream in = Files.newInputStream(root.resolve(relative))) {
            return new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
        }
    }

    private String required(String relative) {
        try {
            return read(relative);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read platform fact /" + relative + ": " + e.getMessage(), e);
        }
    }

    private String text(String relative, String fallback) {
        try {
            return read(relative);
        } catch (IOException e) {
            return fallback;
        }
    }

    private Integer optionalInt(String relative) {
        String t = text(relative, "").trim();
        return t.isEmpty() ? null : Integer.valueOf(t);
    }

    private int uid() {
        return text("proc/self/status", "").lines()
                .filter(l -> l.startsWith("Uid:"))
                .map(l -> Integer.parseInt(l.split("\\s+")[1]))
                .findFirst().orElse(-1);
    }

    private String osRelease() {
        return text("etc/os-release", "").lines()
                .filter(l -> l.startsWith("PRETTY_NAME="))
                .map(l -> l.substring("PRETTY_NAME=".length()).replace("\"", ""))
                .findFirst().orElse("unknown");
    }
}
