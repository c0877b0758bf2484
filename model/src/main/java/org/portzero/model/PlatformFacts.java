package org.portzero.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;

/**
 * What a platform is, read inside it at run time: kernel, sysctls, IPv6 availability, JDK and
 * distro. Checks derive their expectations from these facts; nothing here is assumed.
 *
 * @param kernel                 {@code uname -r} (from {@code /proc/sys/kernel/osrelease})
 * @param portRange              {@code net.ipv4.ip_local_port_range}
 * @param reservedPorts          {@code net.ipv4.ip_local_reserved_ports}
 * @param unprivilegedPortStart  {@code net.ipv4.ip_unprivileged_port_start}
 * @param bindV6Only             {@code net.ipv6.bindv6only}; null when the file is absent
 * @param ipv6Available          whether {@code /proc/net/if_inet6} lists an interface (the JDK's own test)
 * @param ipv6Loopback           whether {@code ::1} is configured on {@code lo}
 * @param uid                    the real uid of the runner
 * @param distro                 {@code PRETTY_NAME} from {@code /etc/os-release}
 * @param javaVendor             {@code java.vendor} of the JDK under test: the one that ran the
 *                               {@code socket}, {@code nio} and {@code async} layers
 * @param javaVersion            its {@code java.version} ({@code 1.8.0_504}, {@code 25.0.1})
 * @param javaVmVersion          its {@code java.vm.version}
 * @param javaNetProperties      its {@code java.net.*} and {@code jdk.net.*} properties that are set
 * @param mptcp                  what {@code socket(AF_INET, SOCK_STREAM, IPPROTO_MPTCP)} answered; null
 *                               in a record written before the runner asked
 * @param judge                  the JDK that ran the runner: the checks' judging, the {@code libc}
 *                               layer and these facts. The JDK under test too, unless the layers
 *                               ran in the probe agent ({@link JdkIdentity#LAYERS_PROPERTY}); null
 *                               in a record written before the two were told apart
 * @param networkStack           whose TCP/IP stack served the sockets, as the platform announced it
 *                               ({@link NetworkStack#announcedBy}); null (Linux) in a record written
 *                               before the runner asked
 */
public record PlatformFacts(String kernel, EphemeralRange portRange, PortSet reservedPorts,
                            int unprivilegedPortStart, Integer bindV6Only, boolean ipv6Available,
                            boolean ipv6Loopback, int uid, String distro, String javaVendor, String javaVersion,
                            String javaVmVersion, Map<String, String> javaNetProperties, KernelAnswer mptcp,
                            JdkIdentity judge, NetworkStack networkStack) {

    /** Facts of a platform on Linux's stack. */
    public PlatformFacts(String kernel, EphemeralRange portRange, PortSet reservedPorts, int unprivilegedPortStart,
                         Integer bindV6Only, boolean ipv6Available, boolean ipv6Loopback, int uid, String distro,
                         String javaVendor, String javaVersion, String javaVmVersion,
                         Map<String, String> javaNetProperties, KernelAnswer mptcp, JdkIdentity judge) {
        this(kernel, portRange, reservedPorts, unprivilegedPortStart, bindV6Only, ipv6Available, ipv6Loopback, uid,
                distro, javaVendor, javaVersion, javaVmVersion, javaNetProperties, mptcp, judge, NetworkStack.LINUX);
    }

    /** The stack that served the sockets: Linux when the record does not say. */
    @JsonIgnore
    public NetworkStack stack() {
        return networkStack == null ? NetworkStack.LINUX : networkStack;
    }

    /** Facts whose JDK under test also ran the runner. */
    public PlatformFacts(String kernel, EphemeralRange portRange, PortSet reservedPorts, int unprivilegedPortStart,
                         Integer bindV6Only, boolean ipv6Available, boolean ipv6Loopback, int uid, String distro,
                         String javaVendor, String javaVersion, String javaVmVersion,
                         Map<String, String> javaNetProperties, KernelAnswer mptcp) {
        this(kernel, portRange, reservedPorts, unprivilegedPortStart, bindV6Only, ipv6Available, ipv6Loopback, uid,
                distro, javaVendor, javaVersion, javaVmVersion, javaNetProperties, mptcp,
                new JdkIdentity(javaVendor, javaVersion, javaVmVersion));
    }

    /** Whether the JDK layers ran in another JDK than the runner's (the probe agent). */
    @JsonIgnore
    public boolean layersInAgent() {
        return judge != null && !judge.version().equals(javaVersion) || judge != null && !judge.vendor().equals(javaVendor);
    }

    @JsonIgnore
    public boolean isRoot() {
        return uid == 0;
    }

    /** Whether IPv6 sockets can reach {@code ::1}: the JDK uses IPv6 and loopback has it. */
    @JsonIgnore
    public boolean ipv6Usable() {
        return ipv6Available && ipv6Loopback;
    }

    /** Whether the kernel opened an MPTCP socket when the runner asked. */
    @JsonIgnore
    public boolean mptcpOffered() {
        return mptcp != null && mptcp.offered();
    }

    /** Whether the JDK's default sockets are AF_INET6 (dual-stack), as {@code sun.net.NetProperties} decides. */
    @JsonIgnore
    public boolean jdkUsesIpv6() {
        return ipv6Available && !"true".equals(javaNetProperties.get("java.net.preferIPv4Stack"));
    }
}
