package org.portzero.suites.probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The kernel's socket tables ({@code /proc/net/tcp}, {@code tcp6}, {@code udp}, {@code udp6}):
 * which local ports have a socket in them now, TIME_WAIT included. A bound socket that neither
 * listens nor connects is not listed (it lives only in the bind hash).
 */
public final class SocketTables {

    private SocketTables() {
    }

    /** The local ports listed in the transport's port space, both families. */
    public static Set<Integer> listedPorts(Transport transport) {
        Set<Integer> ports = new HashSet<>();
        String base = transport.portSpace() == Transport.TCP ? "tcp" : "udp";
        for (String file : new String[] {base, base + "6"}) {
            read(Path.of("/proc/net", file), ports);
        }
        return ports;
    }

    /** TCP local ports with an entry in TIME_WAIT (state 06), both families. */
    public static Set<Integer> timeWaitPorts() {
        Set<Integer> ports = new HashSet<>();
        for (String file : new String[] {"tcp", "tcp6"}) {
            readState(Path.of("/proc/net", file), "06", ports);
        }
        return ports;
    }

    private static void read(Path table, Set<Integer> ports) {
        readState(table, null, ports);
    }

    private static void readState(Path table, String state, Set<Integer> ports) {
        String text;
        try (InputStream in = Files.newInputStream(table)) {
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return; // No IPv6 tables on an IPv6-less platform.
        }
        text.lines().skip(1).forEach(line -> {
            String[] cols = line.trim().split("\\s+");
            if (cols.length > 3 && (state == null || state.equals(cols[3]))) {
                int colon = cols[1].lastIndexOf(':');
                ports.add(Integer.parseInt(cols[1].substring(colon + 1), 16));
            }
        });
    }
}
