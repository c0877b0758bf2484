package org.portzero.containers.platform;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The OCI runtime a platform's container runs under, and so the network stack its checks meet.
 * {@code runc} puts the container in a namespace of this machine's Linux kernel: every socket call
 * reaches Linux's stack. {@code runsc} is gVisor: the container's calls are served by gVisor's
 * sentry, and its sockets by netstack, a second TCP/IP implementation in user space.
 *
 * <p>A runtime whose sandbox can die under the runner (gVisor's sentry panics and takes every
 * process in the sandbox with it) runs each family in a sandbox of its own, so a death costs one
 * family and never the platform (see {@code org.portzero.containers.run.FamilySandboxesRun}).
 */
public enum ContainerRuntime {
    RUNC("runc", "Linux", false),
    RUNSC("runsc", "gVisor netstack", true);

    private static final String PROPERTY_PREFIX = "portzero.runtime.";

    private final String id;
    private final String stack;
    private final boolean sandboxPerFamily;

    ContainerRuntime(String id, String stack, boolean sandboxPerFamily) {
        this.id = id;
        this.stack = stack;
        this.sandboxPerFamily = sandboxPerFamily;
    }

    /** How {@code platform.yaml} spells it, and the name the engine registers it under by default. */
    public String id() {
        return id;
    }

    /** The network stack a container under this runtime meets. */
    public String stack() {
        return stack;
    }

    /** Whether each family runs in a sandbox of its own (the sandbox can die under the runner). */
    public boolean sandboxPerFamily() {
        return sandboxPerFamily;
    }

    /**
     * The name of the engine runtime to create the container with: empty for {@code runc}, which is
     * the engine's default; else {@link #id()}, unless {@code -Dportzero.runtime.<id>=NAME} names
     * another registration (say, a second build of runsc).
     */
    public Optional<String> engineName() {
        if (this == RUNC) {
            return Optional.empty();
        }
        String named = System.getProperty(propertyKey(), "");
        return Optional.of(named.isBlank() ? id : named.strip());
    }

    /** The system property naming the engine runtime this kind runs under: {@code portzero.runtime.<id>}. */
    public String propertyKey() {
        return PROPERTY_PREFIX + id;
    }

    /** The runtime {@code platform.yaml} spells {@code id}, if any. */
    public static Optional<ContainerRuntime> of(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    /** {@code runc, runsc}: the spellings, for errors and the schema. */
    public static String spellings() {
        return Arrays.stream(values()).map(ContainerRuntime::id).collect(Collectors.joining(", "));
    }
}
