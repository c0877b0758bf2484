package org.portzero.suites.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.portzero.agent.Wire;

/**
 * The probe agent on this JVM's own JDK, a real child process: the same calls through
 * {@link AgentLayer} and through the in-process layers record the same observations (ports
 * aside). The whole catalogue is compared by {@code containers/bench/agent_parity.py}.
 */
class AgentLayerTest {

    private static AgentProcess agent;

    @BeforeAll
    static void start() {
        agent = AgentProcess.start(Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    @Test
    void helloNamesTheAgentsJdk() {
        assertThat(agent.jdk().version()).isEqualTo(System.getProperty("java.version"));
        assertThat(agent.jdk().vendor()).isEqualTo(System.getProperty("java.vendor"));
    }

    /** Each JDK layer as the runner's own JVM performs it: what the agent's answers must match. */
    private static final Map<Layer, SocketLayer> IN_PROCESS = Map.of(Layer.SOCKET, new ClassicLayer(),
            Layer.NIO, new ChannelLayer(), Layer.ASYNC, new AsyncLayer());

    /** Every family, TCP and UDP. */
    private static List<SocketShape> shapes() {
        List<SocketShape> shapes = new ArrayList<>();
        for (AddressFamily family : AddressFamily.values()) {
            shapes.add(new SocketShape(family, Transport.TCP));
            shapes.add(new SocketShape(family, Transport.UDP));
        }
        return shapes;
    }

    @Test
    void everyJdkLayerRecordsWhatTheInProcessLayerRecords() {
        for (Layer layer : IN_PROCESS.keySet()) {
            for (SocketShape shape : shapes()) {
                assertThat(script(new AgentLayer(layer, agent), shape))
                        .as("%s %s through the agent", layer.id(), shape)
                        .isEqualTo(script(IN_PROCESS.get(layer), shape));
            }
        }
    }

    /** Listener, client, connect, accept, names from the JDK and the kernel, a refused connect to port 0. */
    private static List<String> script(SocketLayer layer, SocketShape shape) {
        List<String> calls = new ArrayList<>();
        try (Trace trace = new Trace()) {
            ProbeSocket server = layer.open(shape, Role.LISTENER, trace);
            Observation bound = server.bind(new InetSocketAddress(shape.family().loopback(), 0));
            server.listen(50);
            server.getsockname();
            server.kernelSockname();
            ProbeSocket client = layer.open(shape, Role.CLIENT, trace);
            if (bound.endpoint() != null) {
                client.connect(new InetSocketAddress(shape.family().loopback(), bound.port()));
            }
            ProbeSocket.Accepted accepted = server.accept();
            client.getpeername();
            client.kernelSockname();
            client.kernelPeername();
            client.state();
            if (accepted.socket() != null) {
                accepted.socket().getsockname();
                accepted.socket().closeSocket();
            }
            ProbeSocket zero = layer.open(shape, Role.CLIENT, trace);
            zero.connect(new InetSocketAddress(shape.family().loopback(), 0));
            zero.state();
            zero.kernelSockname();
            zero.kernelPeername();
            zero.setsockopt(SocketOptionName.SO_REUSEADDR, 1);
            zero.setsockopt(SocketOptionName.IP_BIND_ADDRESS_NO_PORT, 1);
            calls.addAll(masked(trace));
        }
        return calls;
    }

    /** The trace's calls with port and descriptor numbers masked: they differ from run to run. */
    private static List<String> masked(Trace trace) {
        List<String> calls = new ArrayList<>();
        for (Observation o : trace.observations()) {
            calls.add(o.toString().replaceAll(":\\d+\\b", ":P").replaceAll("fd=\\d+", "fd=N"));
        }
        return calls;
    }

    @Test
    void aCrowdRecordsWhatRoundsOfOpenBindAndGetsocknameRecord() {
        for (Layer layer : IN_PROCESS.keySet()) {
            for (SocketShape shape : shapes()) {
                InetSocketAddress zero = new InetSocketAddress(shape.family().loopback(), 0);
                assertThat(crowd(new AgentLayer(layer, agent), shape, zero, 5, 5))
                        .as("%s %s: a crowd of 5 through the agent", layer.id(), shape)
                        .isEqualTo(crowd(IN_PROCESS.get(layer), shape, zero, 5, 5))
                        .hasSize(15);
                assertThat(crowd(new AgentLayer(layer, agent), shape, zero, 5, 2))
                        .as("%s %s: a crowd of 5 ended after its second socket, through the agent", layer.id(), shape)
                        .isEqualTo(crowd(IN_PROCESS.get(layer), shape, zero, 5, 2))
                        .hasSize(6);
            }
        }
    }

    @Test
    void aCrowdWhoseBindsFailRecordsTheFailures() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            InetSocketAddress held = new InetSocketAddress(taken.getInetAddress(), taken.getLocalPort());
            SocketShape tcp4 = new SocketShape(AddressFamily.IPV4, Transport.TCP);
            List<String> through = crowd(new AgentLayer(Layer.NIO, agent), tcp4, held, 3, 3);
            assertThat(through).as("nio tcp4: 3 binds to a port a listener holds, through the agent")
                    .isEqualTo(crowd(new ChannelLayer(), tcp4, held, 3, 3))
                    .hasSize(9)
                    .anySatisfy(call -> assertThat(call).contains("s1.bind").contains("BindException"));
        }
    }

    /** A crowd of {@code count} sockets bound to {@code local}, ended by its member after {@code upTo}. */
    private static List<String> crowd(SocketLayer layer, SocketShape shape, InetSocketAddress local, int count, int upTo) {
        try (Trace trace = new Trace()) {
            int[] seen = {0};
            layer.bindCrowd(shape, Role.CLIENT, local, count, trace, (socket, bind, name) -> ++seen[0] < upTo);
            return masked(trace);
        }
    }

    @Test
    void fieldsSurviveTheWire() {
        String[] fields = {"a\tb", "line\none", null, "back\\slash", "", "\\N"};
        assertThat(Wire.fields(Wire.line(fields))).containsExactly(fields);
    }
}
