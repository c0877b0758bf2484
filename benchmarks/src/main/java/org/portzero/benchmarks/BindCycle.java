package org.portzero.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.portzero.suites.probe.Observation;
import org.portzero.suites.probe.ProbeSocket;
import org.portzero.suites.probe.Role;
import org.portzero.suites.probe.SocketLayer;
import org.portzero.suites.probe.Trace;

/**
 * One bind(0) cycle through a probe layer, as a check pays for it: a fresh trace, open a TCP/IPv4
 * socket, {@code bind(127.0.0.1:0)}, {@code getsockname}, close — four observations recorded.
 * The C reference's {@code bind0} loop makes the same system calls.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BindCycle {

    @Param({"socket", "nio", "async", "libc"})
    public String layer;

    private SocketLayer probes;

    @Setup
    public void openLayer() {
        probes = ProbeLayers.byId(layer);
    }

    @Benchmark
    public Observation bindToPortZero() {
        try (Trace trace = new Trace()) {
            ProbeSocket socket = probes.open(ProbeLayers.TCP4, Role.CLIENT, trace);
            socket.bind(ProbeLayers.LOOPBACK_PORT_ZERO);
            Observation name = socket.getsockname();
            socket.closeSocket();
            return name;
        }
    }
}
