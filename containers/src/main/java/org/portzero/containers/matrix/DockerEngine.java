package org.portzero.containers.matrix;

import com.github.dockerjava.api.DockerClient;
import org.testcontainers.DockerClientFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The Docker engine the container platforms run on, as Testcontainers finds it. Asked once:
 * a missing socket is noticed without waiting for Testcontainers' discovery.
 *
 * @param client  the engine's client, when one answered
 * @param summary the engine's version and API, or why there is no engine
 */
public record DockerEngine(Optional<DockerClient> client, String summary) {

    public static DockerEngine probe() {
        boolean configured = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || mentionsDockerHost(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        if (!configured) {
            return new DockerEngine(Optional.empty(), "no Docker socket at /var/run/docker.sock and DOCKER_HOST is not set");
        }
        try {
            DockerClientFactory factory = DockerClientFactory.instance();
            if (!factory.isDockerAvailable()) {
                return new DockerEngine(Optional.empty(), "no Docker engine answers (is dockerd running?)");
            }
            DockerClient client = factory.client();
            var version = client.versionCmd().exec();
            return new DockerEngine(Optional.of(client),
                    "Docker engine " + version.getVersion() + " (API " + factory.getActiveApiVersion() + ")");
        } catch (RuntimeException e) {
            return new DockerEngine(Optional.empty(), "no Docker engine answers: " + e.getMessage());
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
