package org.portzero.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds ports for {@link RangeExhaustion} in a process of its own, so the measuring process needs
 * descriptors for only half the range (one process may hold at most RLIMIT_NOFILE, 20000 here).
 *
 * <pre>PortHolder tcp|udp bind0|explicit COUNT FIRST_PORT</pre>
 * binds COUNT ports on 127.0.0.1 (with port 0, or FIRST_PORT, FIRST_PORT+1, …), prints
 * {@code held N}, and keeps them until its standard input closes.
 */
public final class PortHolder {

    private PortHolder() {
    }

    public static void main(String[] args) throws IOException {
        boolean udp = args[0].equals("udp");
        boolean explicit = args[1].equals("explicit");
        int count = Integer.parseInt(args[2]);
        int first = Integer.parseInt(args[3]);
        List<NetworkChannel> held = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            NetworkChannel c = udp ? DatagramChannel.open(StandardProtocolFamily.INET)
                    : SocketChannel.open(StandardProtocolFamily.INET);
            c.bind(new InetSocketAddress(ProbeLayers.LOOPBACK_PORT_ZERO.getAddress(), explicit ? first + i : 0));
            held.add(c);
        }
        System.out.println("held " + held.size());
        System.out.flush();
        while (System.in.read() >= 0) {
            // Hold until the measuring process closes our input.
        }
        for (NetworkChannel c : held) {
            c.close();
        }
    }
}
