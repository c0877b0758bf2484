package org.portzero.benchmarks;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.portzero.suites.probe.Endpoint;
import org.portzero.suites.probe.Observation;
import org.portzero.suites.probe.ProbeSocket;
import org.portzero.suites.probe.Role;
import org.portzero.suites.probe.SocketLayer;
import org.portzero.suites.probe.Trace;

/**
 * One connected pair through a probe layer: a client opened under a fresh trace connects to a
 * listener bound once per iteration, the listener accepts, the client's trace closes it with a
 * RST (as every check's cleanup does, so no TIME_WAIT piles up) and the accepted end is closed.
 * The C reference's {@code pair} loop makes the same system calls.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ConnectAcceptPair {

    @Param({"socket", "nio", "async", "libc"})
    public String layer;

    private SocketLayer probes;
    private Trace listenerTrace;
    private ProbeSocket listener;
    private InetSocketAddress target;

    @Setup(Level.Iteration)
    public void listen() {
        probes = ProbeLayers.byId(layer);
        listenerTrace = new Trace();
        listener = probes.open(ProbeLayers.TCP4, Role.LISTENER, listenerTrace);
        listener.bind(ProbeLayers.LOOPBACK_PORT_ZERO);
        listener.listen(50);
        Endpoint bound = listener.getsockname().endpoint();
        target = new InetSocketAddress(ProbeLayers.LOOPBACK_PORT_ZERO.getAddress(), bound.port());
    }

    @TearDown(Level.Iteration)
    public void closeListener() {
        listenerTrace.close();
    }

    @Benchmark
    public Observation connectAndAccept() {
        ProbeSocket.Accepted accepted;
        Observation connected;
        try (Trace trace = new Trace()) {
            ProbeSocket client = probes.open(ProbeLayers.TCP4, Role.CLIENT, trace);
            connected = client.connect(target);
            accepted = listener.accept();
        }
        if (accepted.socket() == null) {
            throw new IllegalStateException("accept failed: " + accepted.observation() + " after " + connected);
        }
        accepted.socket().closeSocket();
        return accepted.observation();
    }
}
