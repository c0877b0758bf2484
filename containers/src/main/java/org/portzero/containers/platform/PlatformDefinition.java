package org.portzero.containers.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One container platform as declared in {@code platforms/<id>/platform.yaml}: the image it runs
 * and the settings its container gets. Validated by {@link PlatformDefinitionReader}; the
 * defaults below apply to fields a file leaves out.
 *
 * @param id          the folder name; names the run directory {@code runs/<id>/}
 * @param description one line for the platforms table and the log
 * @param image       where the image comes from
 * @param jdkPackage  with a {@link ImageSource.Base} image: the Debian JDK package to install
 * @param jdkHome     with a {@link ImageSource.Base} image: a local JDK directory copied in
 * @param layersJdk   with {@code jdkPackage}: the Debian package of the JDK under test. The runner
 *                    runs on {@code jdkPackage}; the {@code socket}, {@code nio} and {@code async}
 *                    layers run on this one, in the probe agent. Empty: one JDK does both
 * @param sysctls     namespaced sysctls set on the container (as {@code docker run --sysctl})
 * @param network     the container's network; {@code none} by default (loopback only)
 * @param user        the container's user, {@code uid:gid}; non-root by default
 * @param jvmArgs     JVM options placed before {@code -jar}
 * @param memoryBytes the container's memory limit
 * @param timeout     how long the runner may take before the platform is reported broken
 * @param families    the runner's {@code --families}; empty means the whole catalogue
 * @param folder      the folder the definition was read from (the Dockerfile's build context)
 * @param kernel      the kernel booted under QEMU with this platform's image as the guest's root
 *                    (a Debian suite or package, or a file on this machine: {@link KernelSource});
 *                    empty for an ordinary container platform. Kernel platforms run only when
 *                    selected (see {@code org.portzero.containers.image.KernelImageRecipe})
 * @param runtime     the OCI runtime the container runs under: Linux's stack ({@code runc}) or
 *                    gVisor's netstack ({@code runsc})
 */
public record PlatformDefinition(
        String id,
        String description,
        ImageSource image,
        Optional<String> jdkPackage,
        Optional<Path> jdkHome,
        Optional<String> layersJdk,
        Map<String, String> sysctls,
        NetworkMode network,
        String user,
        List<String> jvmArgs,
        long memoryBytes,
        Duration timeout,
        List<String> families,
        Path folder,
        Optional<KernelSource> kernel,
        ContainerRuntime runtime) {

    /** uid:gid of the user the generated images create and every container runs as by default. */
    public static final String DEFAULT_USER = "10001:10001";
    public static final long DEFAULT_MEMORY_BYTES = 1L << 30;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    /** A container platform without a kernel of its own. */
    public PlatformDefinition(String id, String description, ImageSource image, Optional<String> jdkPackage,
                              Optional<Path> jdkHome, Map<String, String> sysctls, NetworkMode network, String user,
                              List<String> jvmArgs, long memoryBytes, Duration timeout, List<String> families,
                              Path folder) {
        this(id, description, image, jdkPackage, jdkHome, Optional.empty(), sysctls, network, user, jvmArgs, memoryBytes,
                timeout, families, folder, Optional.empty(), ContainerRuntime.RUNC);
    }

    /** A platform under the default runtime, {@code runc}. */
    public PlatformDefinition(String id, String description, ImageSource image, Optional<String> jdkPackage,
                              Optional<Path> jdkHome, Optional<String> layersJdk, Map<String, String> sysctls,
                              NetworkMode network, String user, List<String> jvmArgs, long memoryBytes, Duration timeout,
                              List<String> families, Path folder, Optional<KernelSource> kernel) {
        this(id, description, image, jdkPackage, jdkHome, layersJdk, sysctls, network, user, jvmArgs, memoryBytes,
                timeout, families, folder, kernel, ContainerRuntime.RUNC);
    }

    public PlatformDefinition {
        sysctls = Map.copyOf(sysctls);
        jvmArgs = List.copyOf(jvmArgs);
        families = List.copyOf(families);
    }

    /**
     * Whether the platform runs only when selected by id (or a profile, {@code -Pkernels},
     * {@code -Pjdks}, {@code -Pgvisor}), never in the default matrix: a kernel under QEMU takes
     * minutes, a JDK under test is an image of its own per JDK, and a second runtime must first be
     * registered with the engine.
     */
    public boolean onlyWhenSelected() {
        return kernel.isPresent() || layersJdk.isPresent() || runtime != ContainerRuntime.RUNC;
    }

    /** The same platform running only {@code family}: one sandbox of a {@link ContainerRuntime#sandboxPerFamily()} run. */
    public PlatformDefinition withFamilies(List<String> only) {
        return new PlatformDefinition(id, description, image, jdkPackage, jdkHome, layersJdk, sysctls, network, user,
                jvmArgs, memoryBytes, timeout, only, folder, kernel, runtime);
    }

    /** The platform whose image this one reuses, if it is a variant. */
    public Optional<String> sharedImageOf() {
        return image instanceof ImageSource.SharedImage shared
                ? Optional.of(shared.platformId())
                : Optional.empty();
    }
}
