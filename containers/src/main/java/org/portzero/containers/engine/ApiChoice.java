package org.portzero.containers.engine;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** What asking an engine for its API range came to: a version to speak, none to pick, or a refusal. */
public sealed interface ApiChoice {

    /** How the summary line names it: {@code API 1.41 (engine 1.12–1.41, portzero 1.24–1.44)}. */
    String describe();

    /** The engine was asked and a common version found. */
    record Chosen(EngineVersion engine, ApiVersion version) implements ApiChoice {
        @Override
        public String describe() {
            return "API " + version + " (engine " + engine.api() + ", portzero " + DockerApi.CLIENT + ")";
        }
    }

    /** The engine cannot be asked this way (TLS, a named pipe): Testcontainers picks, as it does by default. */
    record LeftToTestcontainers(String why) implements ApiChoice {
        @Override
        public String describe() {
            return "API left to Testcontainers (" + why + ")";
        }
    }

    /** No engine to use: it did not answer {@code /version}, or has no version in common with portzero. */
    record Refused(String why) implements ApiChoice {
        @Override
        public String describe() {
            return why;
        }
    }

    /**
     * Asks the engine at {@code dockerHost} for its range and picks the version
     * ({@link DockerApi#negotiate}); nothing is handed to the client yet.
     */
    static ApiChoice ask(URI dockerHost, boolean tls, Duration within) {
        Optional<EngineVersion> engine;
        try {
            engine = EngineVersion.ask(dockerHost, tls, within);
        } catch (IOException | IllegalArgumentException e) {
            return new Refused("the Docker engine at " + dockerHost + " did not tell its API versions: " + e.getMessage());
        }
        if (engine.isEmpty()) {
            return new LeftToTestcontainers("the engine at " + dockerHost + " is not asked over "
                    + (tls ? "TLS" : dockerHost.getScheme()));
        }
        try {
            return new Chosen(engine.get(), DockerApi.negotiate(engine.get().api()));
        } catch (DockerApi.NoCommonVersion e) {
            return new Refused(e.getMessage() + " (engine " + engine.get().release() + " at " + dockerHost + ")");
        }
    }
}
