package org.portzero.containers.engine;

import com.github.dockerjava.api.DockerClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Claim: portzero speaks to an engine in the newest API version both accept, never below the
 * engine's minimum, and Testcontainers' client then uses that version on every call; with no
 * common version it refuses, naming both ranges.
 * Spec: Docker Engine API, "Versioning"; Docker Engine 29 release notes (minimum API 1.44).
 * Assumes: nothing of this machine's engine — each engine here is a {@link FakeEngine} on a unix socket.
 */
class DockerApiTest {

    private static final Duration WITHIN = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @AfterEach
    void forgetTheChoice() {
        System.clearProperty(DockerApi.CLIENT_PROPERTY);
    }

    @Test
    void dockerd2010IsSpokenToIn141AndTestcontainersUsesIt() throws Exception {
        Path socket = dir.resolve("dockerd-20.10.sock");
        try (FakeEngine engine = new FakeEngine(socket, "20.10.24+dfsg1", FakeEngine.DOCKERD_20_10)) {
            ApiChoice choice = DockerApi.choose(unix(socket), false, WITHIN);
            ApiChoice.Chosen chosen = assertInstanceOf(ApiChoice.Chosen.class, choice, choice.describe());
            assertEquals(ApiVersion.parse("1.41"), chosen.version(), choice.describe());
            assertEquals("API 1.41 (engine 1.12–1.41, portzero 1.24–1.44)", choice.describe());
            assertEquals("1.41", System.getProperty(DockerApi.CLIENT_PROPERTY), "handed to docker-java");

            assertThat(pathsOfOneTestcontainersCall(engine, socket))
                    .as("Testcontainers' client after the choice, against dockerd 20.10")
                    .contains("/v1.41/version").allMatch(p -> p.equals("/version") || p.startsWith("/v1.41/"));
        }
    }

    @Test
    void engine29IsSpokenToIn144AndTestcontainersUsesIt() throws Exception {
        Path socket = dir.resolve("engine-29.sock");
        try (FakeEngine engine = new FakeEngine(socket, "29.0.0", FakeEngine.ENGINE_29)) {
            ApiChoice choice = DockerApi.choose(unix(socket), false, WITHIN);
            ApiChoice.Chosen chosen = assertInstanceOf(ApiChoice.Chosen.class, choice, choice.describe());
            assertEquals(ApiVersion.parse("1.44"), chosen.version(), "never below the engine's minimum 1.44");
            assertEquals("1.44", System.getProperty(DockerApi.CLIENT_PROPERTY), "handed to docker-java");

            assertThat(pathsOfOneTestcontainersCall(engine, socket))
                    .as("Testcontainers' client after the choice, against Engine 29")
                    .contains("/v1.44/version").allMatch(p -> p.equals("/version") || p.startsWith("/v1.44/"));
        }
    }

    @Test
    void anEngineNewerThanTheClientIsRefusedNamingBothRanges() throws Exception {
        Path socket = dir.resolve("engine-future.sock");
        try (FakeEngine engine = new FakeEngine(socket, "31.0.0", ApiRange.of("1.45", "1.55"))) {
            ApiChoice choice = DockerApi.choose(unix(socket), false, WITHIN);
            assertInstanceOf(ApiChoice.Refused.class, choice, choice.describe());
            assertThat(choice.describe()).contains("engine speaks API 1.45–1.55")
                    .contains("portzero's client (Testcontainers) speaks 1.24–1.44").contains("no version in common")
                    .contains("upgrade testcontainers.version").contains("31.0.0");
            assertEquals(null, System.getProperty(DockerApi.CLIENT_PROPERTY), "nothing handed to docker-java");
            assertEquals(java.util.List.of("/version"), engine.paths(), "only the unversioned /version was asked");
        }
    }

    @Test
    void anEngineOlderThanTheClientIsRefusedNamingBothRanges() {
        DockerApi.NoCommonVersion refusal = assertThrows(DockerApi.NoCommonVersion.class,
                () -> DockerApi.negotiate(ApiRange.of("1.12", "1.23")));
        assertThat(refusal.getMessage()).contains("1.12–1.23").contains("1.24–1.44").contains("upgrade the Docker engine");
    }

    @Test
    void anEngineThatStatesNoMinimumAcceptsEveryOlderVersion() throws Exception {
        Path socket = dir.resolve("old.sock");
        try (FakeEngine engine = new FakeEngine(socket, "1.12.6", ApiRange.of("1.0", "1.24"),
                "{\"Version\":\"1.12.6\",\"ApiVersion\":\"1.24\"}")) {
            ApiChoice choice = DockerApi.choose(unix(socket), false, WITHIN);
            assertEquals("API 1.24 (engine 1.0–1.24, portzero 1.24–1.44)", choice.describe());
        }
    }

    @Test
    void anAnswerWithoutApiVersionIsRefusedQuotingIt() throws Exception {
        Path socket = dir.resolve("odd.sock");
        try (FakeEngine engine = new FakeEngine(socket, "?", FakeEngine.DOCKERD_20_10, "{\"Version\":\"odd\"}")) {
            ApiChoice choice = DockerApi.choose(unix(socket), false, WITHIN);
            assertInstanceOf(ApiChoice.Refused.class, choice, choice.describe());
            assertThat(choice.describe()).contains("did not tell its API versions").contains("no ApiVersion")
                    .contains("{\"Version\":\"odd\"}");
        }
    }

    @Test
    void aSocketNobodyServesIsRefused() {
        ApiChoice choice = DockerApi.choose(unix(dir.resolve("nobody.sock")), false, WITHIN);
        assertInstanceOf(ApiChoice.Refused.class, choice, choice.describe());
    }

    @Test
    void aTlsEngineIsLeftToTestcontainers() {
        ApiChoice choice = DockerApi.choose(URI.create("tcp://127.0.0.1:2376"), true, WITHIN);
        assertInstanceOf(ApiChoice.LeftToTestcontainers.class, choice, choice.describe());
        assertEquals(null, System.getProperty(DockerApi.CLIENT_PROPERTY));
    }

    @Test
    void versionsCompareAsNumbersNotText() {
        assertThat(ApiVersion.parse("1.9")).isLessThan(ApiVersion.parse("1.10"));
        assertEquals(ApiRange.of("1.44", "1.44"), FakeEngine.ENGINE_29.overlap(DockerApi.CLIENT).orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> ApiVersion.parse("v1.41"));
        assertThrows(IllegalArgumentException.class, () -> ApiRange.of("1.44", "1.41"));
    }

    /** The paths one Testcontainers client, configured as the matrix's is, asks for one version call. */
    private static java.util.List<String> pathsOfOneTestcontainersCall(FakeEngine engine, Path socket) throws Exception {
        int before = engine.paths().size();
        try (DockerClient client = DockerClientProviderStrategy.getClientForConfig(
                TransportConfig.builder().dockerHost(unix(socket)).build())) {
            client.versionCmd().exec();
        }
        return engine.paths().subList(before, engine.paths().size());
    }

    private static URI unix(Path socket) {
        return URI.create("unix://" + socket.toAbsolutePath());
    }
}
