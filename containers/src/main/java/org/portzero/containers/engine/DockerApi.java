package org.portzero.containers.engine;

import java.net.URI;
import java.time.Duration;

/**
 * The Docker API version portzero speaks with an engine: the newest one both sides accept, never
 * older than the engine's minimum. It goes to Testcontainers' Docker client (docker-java) as the
 * system property {@value #CLIENT_PROPERTY}, which that client reads whenever it is configured
 * (Testcontainers 2.0.5 otherwise tries 1.44, then falls back to 1.32).
 *
 * <p>Claim: any engine whose range meets {@link #CLIENT} is spoken to in the newest common version —
 * 1.41 with dockerd 20.10 (1.12–1.41), 1.44 with Engine 29 (1.44–1.52) — and an engine whose range
 * does not meet it is refused by name with both ranges. Spec: Docker Engine API, "Versioning"
 * (a client names its version in the path; an engine refuses versions outside
 * {@code MinAPIVersion}–{@code ApiVersion} with 400). Assumes the engine answers the unversioned
 * {@code GET /version}, as every engine since API 1.0 does.
 */
public final class DockerApi {

    /**
     * The versions portzero's client speaks. Oldest, 1.24: the first with {@code HostConfig.Sysctls},
     * which every platform container is created with. Newest, 1.44: the newest version the
     * docker-java inside Testcontainers 2.0.5 models (its {@code RemoteApiVersion.VERSION_1_44}), and
     * the oldest Engine 29 accepts.
     */
    public static final ApiRange CLIENT = ApiRange.of("1.24", "1.44");

    /** The system property docker-java reads its API version from. */
    public static final String CLIENT_PROPERTY = "api.version";

    private DockerApi() {
    }

    /** The newest version in both {@code engine} and {@link #CLIENT}. */
    public static ApiVersion negotiate(ApiRange engine) throws NoCommonVersion {
        return engine.overlap(CLIENT).map(ApiRange::newest).orElseThrow(() -> new NoCommonVersion(engine));
    }

    /**
     * Asks the engine at {@code dockerHost} for its range and, when there is a common version, hands it
     * to Testcontainers' client: every client configured after this speaks it.
     */
    public static ApiChoice choose(URI dockerHost, boolean tls, Duration within) {
        ApiChoice choice = ApiChoice.ask(dockerHost, tls, within);
        if (choice instanceof ApiChoice.Chosen chosen) {
            System.setProperty(CLIENT_PROPERTY, chosen.version().toString());
        }
        return choice;
    }

    /** The engine and portzero's client have no API version in common. */
    public static final class NoCommonVersion extends Exception {
        private final ApiRange engine;

        NoCommonVersion(ApiRange engine) {
            super("the Docker engine speaks API " + engine + " and portzero's client (Testcontainers) speaks "
                    + CLIENT + ": no version in common — "
                    + (engine.oldest().isNewerThan(CLIENT.newest())
                    ? "the engine is newer than this Testcontainers knows; upgrade testcontainers.version in pom.xml"
                    : "the engine is older than portzero supports; upgrade the Docker engine"));
            this.engine = engine;
        }

        public ApiRange engine() {
            return engine;
        }
    }
}
