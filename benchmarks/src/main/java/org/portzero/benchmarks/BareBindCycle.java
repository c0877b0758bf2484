package org.portzero.benchmarks;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The floor under the probe layers: the same bind(0) cycle through the bare APIs, with no trace
 * and no observation. {@code serverChannel} is the cycle the toolchain notes timed (it listens
 * as part of bind); {@code channel} and {@code jna} make exactly the C loop's calls.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BareBindCycle {

    private final byte[] sockaddr = BareLibc.loopbackPortZero();
    private final byte[] storage = new byte[128];
    private final int[] length = new int[1];

    @Benchmark
    public SocketAddress channel() throws IOException {
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.INET)) {
            c.bind(ProbeLayers.LOOPBACK_PORT_ZERO);
            return c.getLocalAddress();
        }
    }

    @Benchmark
    public SocketAddress serverChannel() throws IOException {
        try (ServerSocketChannel c = ServerSocketChannel.open(StandardProtocolFamily.INET)) {
            c.bind(ProbeLayers.LOOPBACK_PORT_ZERO);
            return c.getLocalAddress();
        }
    }

    @Benchmark
    public int jna() {
        int fd = BareLibc.socket(BareLibc.AF_INET, BareLibc.SOCK_STREAM | BareLibc.SOCK_CLOEXEC, 0);
        BareLibc.bind(fd, sockaddr, sockaddr.length);
        length[0] = storage.length;
        BareLibc.getsockname(fd, storage, length);
        BareLibc.close(fd);
        return ((storage[2] & 0xff) << 8) | (storage[3] & 0xff);
    }
}
