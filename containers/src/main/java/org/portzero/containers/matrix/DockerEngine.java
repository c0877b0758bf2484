package org.portzero.containers.matrix;

import com.github.dockerjava.api.DockerClient;
import org.portzero.containers.engine.ApiChoice;
import org.portzero.containers.engine.DockerApi;
import org.testcontainers.DockerClientFactory;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Docker engine the container platforms run on, as Testcontainers finds it. Asked once:
 * a missing socket is noticed without waiting for Testcontainers' discovery, a socket that
 * accepts and never answers within {@link #PING_WITHIN}, and the discovery itself is given
 * {@link #DISCOVERY_WITHIN}: a user without an engine hears so in seconds. Before the discovery
 * the engine is asked for its API versions and the client is set to the newest one both speak
 * ({@link DockerApi}); an engine with none in common is no engine, and the summary says why.
 *
 * @param client  the engine's client, when one answered
 * @param summary the engine's version and API, or why there is no engine
 */
public record DockerEngine(Optional<DockerClient> client, String summary) {

    static final Duration PING_WITHIN = Duration.ofSeconds(3);
    static final Duration DISCOVERY_WITHIN = Duration.ofSeconds(6);

    public static DockerEngine probe() {
        boolean configured = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || mentionsDockerHost(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        if (!configured) {
            return new DockerEngine(Optional.empty(), "no Docker socket at /var/run/docker.sock and DOCKER_HOST is not set");
        }
        Optional<Path> socket = unixSocket();
        if (socket.isPresent()) {
            Optional<String> silent = unanswered(socket.get(), PING_WITHIN);
            if (silent.isPresent()) {
                return new DockerEngine(Optional.empty(), silent.get());
            }
        }
        // The API version: asked of the engine before Testcontainers configures its client.
        boolean tls = verifiesTls(System.getenv("DOCKER_TLS_VERIFY"));
        ApiChoice api = dockerHost().map(host -> DockerApi.choose(host, tls, PING_WITHIN)).orElseGet(() ->
                new ApiChoice.LeftToTestcontainers("the engine is the one ~/.testcontainers.properties names"));
        if (api instanceof ApiChoice.Refused) {
            return new DockerEngine(Optional.empty(), api.describe());
        }
        // Testcontainers' discovery has no overall limit of its own (it waits on a silent engine).
        ExecutorService discovery = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "portzero-docker-discovery");
            t.setDaemon(true);
            return t;
        });
        try {
            return discovery.submit(() -> discover(api)).get(DISCOVERY_WITHIN.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return new DockerEngine(Optional.empty(),
                    "no Docker engine answered within " + DISCOVERY_WITHIN.toSeconds() + " s (is dockerd running?)");
        } catch (ExecutionException e) {
            return new DockerEngine(Optional.empty(), "no Docker engine answers: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DockerEngine(Optional.empty(), "interrupted while looking for a Docker engine");
        } finally {
            discovery.shutdownNow();
        }
    }

    private static DockerEngine discover(ApiChoice api) {
        DockerClientFactory factory = DockerClientFactory.instance();
        if (!factory.isDockerAvailable()) {
            return new DockerEngine(Optional.empty(), "no Docker engine answers (is dockerd running?)");
        }
        DockerClient client = factory.client();
        var version = client.versionCmd().exec();
        return new DockerEngine(Optional.of(client), "Docker engine " + version.getVersion() + ", " + api.describe());
    }

    /** The engine's address: DOCKER_HOST, else the default socket when it exists; else Testcontainers' own setting. */
    private static Optional<URI> dockerHost() {
        String host = System.getenv("DOCKER_HOST");
        if (host != null && !host.isBlank()) {
            return Optional.of(URI.create(host.strip()));
        }
        return Files.exists(Path.of("/var/run/docker.sock")) ? Optional.of(URI.create("unix:///var/run/docker.sock"))
                : Optional.empty();
    }

    /** DOCKER_TLS_VERIFY as docker-java reads it: "1" or "true". */
    private static boolean verifiesTls(String value) {
        return value != null && (value.strip().equals("1") || value.strip().equalsIgnoreCase("true"));
    }

    /** The engine's unix socket: DOCKER_HOST's when it names one, else the default when it exists. */
    private static Optional<Path> unixSocket() {
        String host = System.getenv("DOCKER_HOST");
        if (host != null) {
            return host.startsWith("unix://") ? Optional.of(Path.of(host.substring("unix://".length()))) : Optional.empty();
        }
        Path standard = Path.of("/var/run/docker.sock");
        return Files.exists(standard) ? Optional.of(standard) : Optional.empty();
    }

    /**
     * Asks the engine behind {@code socket} for {@code /_ping}: empty when something answered,
     * else why not (refused, or accepted and then silent past {@code within}).
     */
    static Optional<String> unanswered(Path socket, Duration within) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
             Selector selector = Selector.open()) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
            if (selector.select(within.toMillis()) == 0) {
                return Optional.of("the Docker socket " + socket + " accepts connections but no engine answered within "
                        + within.toSeconds() + " s");
            }
            if (channel.read(ByteBuffer.allocate(64)) <= 0) {
                return Optional.of("the Docker socket " + socket + " closed the connection without an answer");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("no Docker engine at " + socket + " (" + e.getMessage() + ")");
        }
    }

    private static boolean mentionsDockerHost(Path testcontainersProperties) {
        try {
            return Files.isRegularFile(testcontainersProperties)
                    && Files.readAllLines(testcontainersProperties).stream().anyMatch(l -> l.strip().startsWith("docker.host"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    public boolean available() {
        return client.isPresent();
    }
}
