package org.portzero.containers.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Docker engine as far as its API versioning goes, served on a unix socket: {@code GET /version}
 * answers unversioned, like every engine; a path naming a version outside {@code accepted} gets
 * dockerd's 400 ("client version 1.41 is too old. Minimum supported API version is 1.44, …");
 * {@code /_ping}, {@code /version} and {@code /info} answer within the range. A fake, because no
 * second engine (an Engine 29 beside this machine's dockerd) can run here. It records every path asked.
 */
final class FakeEngine implements AutoCloseable {

    /** dockerd 20.10 as Debian ships it (docker.io 20.10.24). */
    static final ApiRange DOCKERD_20_10 = ApiRange.of("1.12", "1.41");
    /** Docker Engine 29.0. */
    static final ApiRange ENGINE_29 = ApiRange.of("1.44", "1.52");

    private static final Pattern REQUEST = Pattern.compile("(GET|HEAD|POST) (/v(\\d+\\.\\d+))?(/[^ ?]*)\\S* HTTP/1\\.[01]");

    private final ServerSocketChannel server;
    private final String release;
    private final ApiRange accepted;
    private final String versionBody;
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final Thread loop;

    /** An engine that answers {@code /version} with {@code versionBody} as it is (null: the one its range makes). */
    FakeEngine(Path socket, String release, ApiRange accepted, String versionBody) throws IOException {
        this.release = release;
        this.accepted = accepted;
        this.versionBody = versionBody != null ? versionBody : "{\"Platform\":{\"Name\":\"\"},\"Version\":\"" + release
                + "\",\"ApiVersion\":\"" + accepted.newest() + "\",\"MinAPIVersion\":\"" + accepted.oldest()
                + "\",\"Os\":\"linux\",\"Arch\":\"amd64\",\"KernelVersion\":\"6.12.0\"}";
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        this.loop = new Thread(this::serve, "fake-docker-engine");
        loop.setDaemon(true);
        loop.start();
    }

    FakeEngine(Path socket, String release, ApiRange accepted) throws IOException {
        this(socket, release, accepted, null);
    }

    /** Every path asked, with its version prefix: {@code /version}, {@code /v1.41/_ping}. */
    List<String> paths() {
        return List.copyOf(paths);
    }

    private void serve() {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                String head = readHead(client);
                Matcher m = REQUEST.matcher(head.lines().findFirst().orElse(""));
                String response;
                if (!m.lookingAt()) {
                    response = answer(400, "text/plain", "bad request");
                } else {
                    paths.add(m.group(2) == null ? m.group(4) : m.group(2) + m.group(4));
                    response = route(m.group(3) == null ? null : ApiVersion.parse(m.group(3)), m.group(4));
                }
                ByteBuffer out = ByteBuffer.wrap(response.getBytes(StandardCharsets.UTF_8));
                while (out.hasRemaining()) {
                    client.write(out);
                }
            } catch (IOException e) {
                return;   // closed
            }
        }
    }

    private String route(ApiVersion version, String path) {
        if (version != null && version.isNewerThan(accepted.newest())) {
            return answer(400, "application/json", "{\"message\":\"client version " + version
                    + " is too new. Maximum supported API version is " + accepted.newest() + "\"}");
        }
        if (version != null && accepted.oldest().isNewerThan(version)) {
            return answer(400, "application/json", "{\"message\":\"client version " + version
                    + " is too old. Minimum supported API version is " + accepted.oldest()
                    + ", please upgrade your client to a newer version\"}");
        }
        return switch (path) {
            case "/_ping" -> answer(200, "text/plain", "OK");
            case "/version" -> answer(200, "application/json", versionBody);
            case "/info" -> answer(200, "application/json",
                    "{\"ID\":\"fake\",\"OSType\":\"linux\",\"ServerVersion\":\"" + release + "\"}");
            default -> answer(404, "application/json", "{\"message\":\"page not found\"}");
        };
    }

    private static String answer(int status, String type, String body) {
        return "HTTP/1.1 " + status + (status == 200 ? " OK" : " Error") + "\r\nApi-Version: x\r\nContent-Type: " + type
                + "\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body;
    }

    private static String readHead(SocketChannel client) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            one.clear();
            if (client.read(one) < 0) {
                break;
            }
            head.write(one.get(0));
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
