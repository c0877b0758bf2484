package org.portzero.containers.matrix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Claim: the engine probe tells a missing engine, a socket that accepts and stays silent, and an
 * engine that answers apart, and gives up on the silent one after its limit instead of hanging.
 */
class DockerEngineTest {

    @TempDir
    Path dir;

    @Test
    void aSocketNobodyServesIsNoEngine() {
        Optional<String> why = DockerEngine.unanswered(dir.resolve("docker.sock"), Duration.ofSeconds(1));
        assertTrue(why.orElseThrow().startsWith("no Docker engine at " + dir.resolve("docker.sock")), why.toString());
    }

    @Test
    void aSilentSocketIsGivenUpOnAfterTheLimit() throws IOException {
        Path socket = dir.resolve("silent.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            long start = System.nanoTime();
            Optional<String> why = DockerEngine.unanswered(socket, Duration.ofMillis(500));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(why.orElseThrow().contains("accepts connections but no engine answered"), why.toString());
            assertTrue(millis >= 450 && millis < 5_000, "gave up after " + millis + " ms");
        }
    }

    @Test
    void anAnsweringSocketIsAnEngine() throws Exception {
        Path socket = dir.resolve("engine.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread engine = new Thread(() -> {
                try (SocketChannel client = server.accept()) {
                    client.read(ByteBuffer.allocate(256));
                    client.write(ByteBuffer.wrap("HTTP/1.0 200 OK\r\n\r\nOK".getBytes(StandardCharsets.US_ASCII)));
                } catch (IOException ignored) {
                    // the probe has what it needs or fails the test
                }
            });
            engine.start();
            assertEquals(Optional.empty(), DockerEngine.unanswered(socket, Duration.ofSeconds(5)));
            engine.join(5_000);
        }
    }
}
