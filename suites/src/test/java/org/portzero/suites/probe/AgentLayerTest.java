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

    @Test
    void everyJdkLayerRecordsWhatTheInProcessLayerRecords() {
        Map<Layer, SocketLayer> local = Map.of(Layer.SOCKET, new ClassicLayer(), Layer.NIO, new ChannelLayer(),
                Layer.ASYNC, new AsyncLayer());
        for (Layer layer : local.keySet()) {
            for (AddressFamily family : AddressFamily.values()) {
                SocketShape tcp = new SocketShape(family, Transport.TCP);
                assertThat(script(new AgentLayer(layer, agent), tcp))
                        .as("%s %s through the agent", layer.id(), tcp)
                        .isEqualTo(script(local.get(layer), tcp));
                SocketShape udp = new SocketShape(family, Transport.UDP);
                assertThat(script(new AgentLayer(layer, agent), udp))
                        .as("%s %s through the agent", layer.id(), udp)
                        .isEqualTo(script(local.get(layer), udp));
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
            for (Observation o : trace.observations()) {
                calls.add(o.toString().replaceAll(":\\d+\\b", ":P").replaceAll("fd=\\d+", "fd=N"));
            }
        }
        return calls;
    }

    @Test
    void fieldsSurviveTheWire() {
        String[] fields = {"a\tb", "line\none", null, "back\\slash", "", "\\N"};
        assertThat(Wire.fields(Wire.line(fields))).containsExactly(fields);
    }
}
