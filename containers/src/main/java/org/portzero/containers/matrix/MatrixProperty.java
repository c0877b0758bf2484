package org.portzero.containers.matrix;

/**
 * The platform matrix's own system properties, spelled here and nowhere else in the code
 * ({@link MatrixOptions} reads them; {@code containers/pom.xml} passes Maven's, and
 * {@code java -jar portzero.jar matrix} its options). The runner properties forwarded to every
 * platform are {@link org.portzero.model.RunnerProperty}'s.
 */
public enum MatrixProperty {
    /** Where runs/ and the reports go. */
    OUT("portzero.out"),
    /** The runner jar every platform runs. */
    RUNNER_JAR("portzero.runner.jar"),
    /** The bundled platform folders ({@code containers/platforms}). */
    PLATFORMS_HOME("portzero.platforms.home"),
    /** Platform ids to run; all when empty. */
    PLATFORMS("portzero.platforms"),
    /** The user's own platform folders, relative to {@link #INVOKED_FROM}. */
    PLATFORMS_DIR("portzero.platforms.dir"),
    /** Where the user started the build. */
    INVOKED_FROM("portzero.invoked.from"),
    /** Stop when the process that started the matrix is gone. */
    STOP_WITH_PARENT("portzero.stop-with-parent"),
    /** One host platform per JDK home. */
    HOST_JDKS("portzero.host.jdks"),
    /** Whether the host platforms declare IPv6 loopback. */
    HOST_IPV6("portzero.host.ipv6"),
    /** No engine is an error rather than a banner. */
    REQUIRE_CONTAINERS("portzero.require-containers"),
    /** How many platforms run at once. */
    PARALLEL("portzero.parallel"),
    /** {@code live} or {@code quiet} ({@link ProgressMode}). */
    PROGRESS(ProgressMode.PROPERTY),
    /** The Debian mirror base images are made from. */
    DEBIAN_MIRROR("portzero.debian.mirror"),
    /** The engine's registration gVisor platforms run under ({@code runsc} unless named). */
    RUNSC_RUNTIME(org.portzero.containers.platform.ContainerRuntime.RUNSC.propertyKey()),
    /** Where runsc writes its sandboxes' logs, read for a dead sentry's panic line. */
    RUNSC_LOG(org.portzero.containers.run.SandboxLog.PROPERTY);

    private final String key;

    MatrixProperty(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** {@code -Dportzero.out=DIR}: how a JVM's command line sets it. */
    public String argument(String value) {
        return "-D" + key + "=" + value;
    }
}
