package org.portzero.containers.platform;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sysctls a platform.yaml may set, with the shape of their values. A container can only set
 * sysctls of its own namespaces (Docker's {@code --sysctl}: {@code net.*}, the IPC
 * {@code kernel.msg*}/{@code kernel.sem}/{@code kernel.shm*} and {@code fs.mqueue.*}); anything
 * else would change the host or fail at container start. Within those, a name outside this
 * table is refused as unknown, so a typo ({@code ip_local_port_rnage}) stops the run at load
 * with its line instead of breaking the platform at container start. Add a row here to allow a
 * new one.
 *
 * <p>Sources: Docker run reference ("Configure namespaced kernel parameters"), the kernel's
 * Documentation/networking/ip-sysctl.rst and Documentation/admin-guide/sysctl/kernel.rst.
 */
final class KnownSysctls {

    /** One known sysctl: its name pattern and the values it takes. */
    private record Row(Pattern name, Pattern value, String valueShape) {
        static Row of(String name, Pattern value, String valueShape) {
            return new Row(Pattern.compile(name), value, valueShape);
        }
    }

    private static final Pattern SWITCH = Pattern.compile("[01]");
    private static final Pattern COUNT = Pattern.compile("[0-9]{1,10}");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final Pattern PORT_RANGE = Pattern.compile("([0-9]{1,5})[ \t]+([0-9]{1,5})");
    private static final Pattern ID_RANGE = Pattern.compile("[0-9]{1,10}[ \t]+[0-9]{1,10}");
    private static final Pattern PORT_LIST = Pattern.compile("|[0-9]{1,5}(-[0-9]{1,5})?(,[0-9]{1,5}(-[0-9]{1,5})?)*");
    private static final Pattern SEM = Pattern.compile("[0-9]{1,10}([ \t]+[0-9]{1,10}){3}");
    private static final String IFACE = "(all|default|lo|[a-z][a-z0-9_]{0,14})";

    private static final Pattern NAMESPACED = Pattern.compile(
            "net\\..+|fs\\.mqueue\\..+|kernel\\.(msgmax|msgmnb|msgmni|sem|shmall|shmmax|shmmni|shm_rmid_forced)");

    // name                                                         value       shape
    private static final List<Row> ROWS = List.of(
            Row.of("net\\.ipv4\\.ip_local_port_range",                  PORT_RANGE, "\"LOW HIGH\", 1 <= LOW <= HIGH <= 65535"),
            Row.of("net\\.ipv4\\.ip_local_reserved_ports",              PORT_LIST,  "ports and ranges, e.g. \"40000-40499,40600\""),
            Row.of("net\\.ipv4\\.ip_unprivileged_port_start",           PORT,       "a port, 0..65535"),
            Row.of("net\\.ipv4\\.ip_autobind_reuse",                    SWITCH,     "0 or 1"),
            Row.of("net\\.ipv4\\.ip_nonlocal_bind",                     SWITCH,     "0 or 1"),
            Row.of("net\\.ipv6\\.ip_nonlocal_bind",                     SWITCH,     "0 or 1"),
            Row.of("net\\.ipv6\\.bindv6only",                           SWITCH,     "0 or 1"),
            Row.of("net\\.ipv6\\.conf\\." + IFACE + "\\.disable_ipv6",  SWITCH,     "0 or 1"),
            Row.of("net\\.ipv4\\.ping_group_range",                     ID_RANGE,   "\"LOW HIGH\" group ids"),
            Row.of("net\\.ipv4\\.tcp_tw_reuse",                         Pattern.compile("[012]"), "0, 1 or 2"),
            Row.of("net\\.ipv4\\.tcp_fin_timeout",                      COUNT,      "seconds"),
            Row.of("net\\.ipv4\\.tcp_syncookies",                       Pattern.compile("[012]"), "0, 1 or 2"),
            Row.of("net\\.ipv4\\.tcp_max_syn_backlog",                  COUNT,      "a count"),
            Row.of("net\\.core\\.somaxconn",                            COUNT,      "a count"),
            Row.of("kernel\\.(msgmax|msgmnb|msgmni|shmmni|shm_rmid_forced)", COUNT, "a count"),
            Row.of("kernel\\.(shmall|shmmax)",                          Pattern.compile("[0-9]{1,20}"), "a count"),
            Row.of("kernel\\.sem",                                      SEM,        "\"SEMMSL SEMMNS SEMOPM SEMMNI\""),
            Row.of("fs\\.mqueue\\.(msg_max|msgsize_max|queues_max|msg_default|msgsize_default)", COUNT, "a count"));

    private KnownSysctls() {
    }

    /** What is wrong with setting {@code name} to {@code value}, or empty when it may be set. */
    static Optional<String> problem(String name, String value) {
        if (!NAMESPACED.matcher(name).matches()) {
            return Optional.of("'" + name + "' is not a namespaced sysctl: a container sets only net.*, fs.mqueue.*"
                    + " and kernel.{msgmax,msgmnb,msgmni,sem,shmall,shmmax,shmmni,shm_rmid_forced}");
        }
        for (Row row : ROWS) {
            if (row.name().matcher(name).matches()) {
                String stripped = value.strip();
                if (!row.value().matcher(stripped).matches()) {
                    return Optional.of("'" + value + "' is not a value of " + name + " (expected " + row.valueShape() + ")");
                }
                return rangeProblem(name, stripped);
            }
        }
        return Optional.of("'" + name + "' is not a sysctl portzero knows (a typo?); known: "
                + "net.ipv4.ip_local_port_range, net.ipv4.ip_local_reserved_ports, net.ipv4.ip_unprivileged_port_start, "
                + "net.ipv6.bindv6only, net.ipv6.conf.<if>.disable_ipv6, … (containers KnownSysctls)");
    }

    private static Optional<String> rangeProblem(String name, String value) {
        if (name.equals("net.ipv4.ip_local_port_range")) {
            Matcher m = PORT_RANGE.matcher(value);
            m.matches();
            int low = Integer.parseInt(m.group(1));
            int high = Integer.parseInt(m.group(2));
            if (low < 1 || high > 65535 || low > high) {
                return Optional.of("'" + value + "' is not a port range (expected 1 <= LOW <= HIGH <= 65535)");
            }
        }
        if (name.equals("net.ipv4.ip_unprivileged_port_start") && Integer.parseInt(value) > 65535) {
            return Optional.of("'" + value + "' is not a port (0..65535)");
        }
        if (name.equals("net.ipv4.ip_local_reserved_ports")) {
            for (String port : value.split("[,-]")) {
                if (!port.isEmpty() && Integer.parseInt(port) > 65535) {
                    return Optional.of("'" + port + "' is not a port (0..65535)");
                }
            }
        }
        return Optional.empty();
    }
}
