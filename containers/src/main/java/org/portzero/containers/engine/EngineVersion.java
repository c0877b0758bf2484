package org.portzero.containers.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What a Docker engine says of itself in {@code GET /version}, which every engine answers without
 * an API version in the path: its release ({@code Version}) and the API versions it accepts, from
 * {@code MinAPIVersion} to {@code ApiVersion}. dockerd 20.10 answers 1.12–1.41; Engine 29,
 * 1.44–1.52. An engine too old to state a minimum (before API 1.25) is taken to accept every older
 * version.
 *
 * @param release the engine's release, e.g. {@code 20.10.24+dfsg1}
 * @param api     the API versions it accepts
 */
public record EngineVersion(String release, ApiRange api) {

    /** The oldest API version there is, for an engine that states no minimum. */
    static final ApiVersion FIRST = new ApiVersion(1, 0);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] REQUEST =
            "GET /version HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /** Reads the body of a {@code /version} answer; a body without {@code ApiVersion} is refused, quoting it. */
    public static EngineVersion parse(String body) throws IOException {
        JsonNode version = JSON.readTree(body);
        if (version == null || !version.path("ApiVersion").isTextual()) {
            throw new IOException("the engine's /version answer has no ApiVersion: " + abbreviated(body));
        }
        ApiVersion newest = ApiVersion.parse(version.get("ApiVersion").asText());
        ApiVersion oldest = version.path("MinAPIVersion").isTextual()
                ? ApiVersion.parse(version.get("MinAPIVersion").asText()) : FIRST;
        return new EngineVersion(version.path("Version").asText("?"), new ApiRange(oldest, newest));
    }

    /**
     * Asks the engine at {@code dockerHost} ({@code unix:///var/run/docker.sock}, or
     * {@code tcp://host:port} without TLS) for {@code GET /version}; empty for a host it cannot ask
     * that way (TLS, a named pipe), whose API version is then left to Testcontainers.
     *
     * @throws IOException when the engine cannot be reached, stays silent past {@code within}, or
     *                     answers something other than 200 with a version
     */
    public static Optional<EngineVersion> ask(URI dockerHost, boolean tls, Duration within) throws IOException {
        byte[] answer;
        switch (dockerHost.getScheme()) {
            case "unix" -> answer = overUnixSocket(Path.of(dockerHost.getPath()), within);
            case "tcp", "http" -> {
                if (tls) {
                    return Optional.empty();
                }
                answer = overTcp(dockerHost.getHost(), dockerHost.getPort(), within);
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(parse(body(dockerHost, answer)));
    }

    /** The body of a 200 answer; any other status is an error quoting the engine. */
    static String body(URI dockerHost, byte[] answer) throws IOException {
        String text = new String(answer, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String status = text.lines().findFirst().orElse("");
        if (end < 0 || !status.matches("HTTP/1\\.[01] 200( .*)?")) {
            throw new IOException("the engine at " + dockerHost + " answered GET /version with '"
                    + abbreviated(end < 0 ? text : status + " " + text.substring(end + 4)) + "'");
        }
        return text.substring(end + 4);
    }

    private static byte[] overUnixSocket(Path socket, Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
             Selector selector = Selector.open()) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            ByteBuffer request = ByteBuffer.wrap(REQUEST);
            while (request.hasRemaining()) {
                channel.write(request);
            }
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0 || selector.select(left) == 0) {
                    throw new IOException("the engine at unix://" + socket + " did not answer GET /version within "
                            + within.toMillis() + " ms");
                }
                selector.selectedKeys().clear();
                int read = channel.read(buffer);
                if (read < 0) {
                    return answer.toByteArray();   // HTTP/1.0: the engine closes after the body
                }
                answer.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
        }
    }

    private static byte[] overTcp(String host, int port, Duration within) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) within.toMillis());
            socket.setSoTimeout((int) within.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(REQUEST);
            out.flush();
            InputStream in = socket.getInputStream();
            return in.readAllBytes();
        }
    }

    private static String abbreviated(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
