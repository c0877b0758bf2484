package org.portzero.containers.run;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Volume;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.utility.DockerImageName;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A one-shot container that runs the portzero runner jar once and exits.
 *
 * <ul>
 *   <li>Images: locally built {@code portzero/<platform>:r<hash>}; never pulled.</li>
 *   <li>Ports: none. Network {@code none} by default: loopback only; the hostname resolves to
 *       {@value ContainerSettings#HOSTNAME_ADDRESS}.</li>
 *   <li>Security: a non-root user, every capability dropped, {@code no-new-privileges}, a
 *       memory and a pids limit, a read-only root filesystem.</li>
 *   <li>Files: a tmpfs at {@link ContainerSettings#TMPFS}; an anonymous volume at
 *       {@link ContainerSettings#VOLUME} (removed with the container) holding the runner jar at
 *       {@link ContainerSettings#RUNNER_PATH} and the results under
 *       {@link ContainerSettings#OUT_DIR}, copied out by the caller after the exit. Docker
 *       copies into a read-only container only onto a volume, and a tmpfs is gone once the
 *       container stops: hence the volume.</li>
 *   <li>Start-up: returns as soon as the container started; the caller waits for the exit
 *       (so a non-zero exit never removes the container before its files are copied).</li>
 * </ul>
 */
public final class PortzeroContainer extends GenericContainer<PortzeroContainer> {

    private Path runnerJar;

    public PortzeroContainer(String imageTag) {
        super(DockerImageName.parse(imageTag));
        withImagePullPolicy(image -> false);
        withStartupCheckStrategy(new StartedIsEnough());
        waitingFor(new NoWait());
    }

    /** The runner jar, copied in before the container starts. */
    public PortzeroContainer withRunner(Path runnerJar) {
        this.runnerJar = runnerJar;
        return this;
    }

    /**
     * Fills the volume before the start: the runner jar, and the directories the runner and the
     * entrypoints write to, world-writable with the sticky bit (the volume's own root belongs to
     * root, and the platform's user is not known to the image).
     */
    @Override
    protected void containerIsCreated(String containerId) {
        byte[] tar = volumeContents(runnerJar);
        getDockerClient().copyArchiveToContainerCmd(containerId)
                .withRemotePath(ContainerSettings.VOLUME)
                .withTarInputStream(new ByteArrayInputStream(tar))
                .exec();
    }

    static byte[] volumeContents(Path runnerJar) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (String dir : ContainerSettings.VOLUME_DIRECTORIES) {
                TarArchiveEntry entry = new TarArchiveEntry(inVolume(dir) + "/");
                entry.setMode(TarArchiveEntry.DEFAULT_DIR_MODE & ~0777 | 01777);
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
            }
            TarArchiveEntry jar = new TarArchiveEntry(inVolume(ContainerSettings.RUNNER_PATH));
            jar.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | 0644);
            jar.setSize(Files.size(runnerJar));
            tar.putArchiveEntry(jar);
            Files.copy(runnerJar, tar);
            tar.closeArchiveEntry();
            tar.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack " + runnerJar + " for the container", e);
        }
    }

    private static String inVolume(String path) {
        return path.substring(ContainerSettings.VOLUME.length() + 1);
    }

    /** Applies sysctls, user, memory, network, runtime and the security settings; sets the command. */
    public PortzeroContainer withSettings(ContainerSettings settings) {
        withNetworkMode(settings.network());
        withCommand(settings.command().toArray(String[]::new));
        withExtraHost(settings.hostname(), ContainerSettings.HOSTNAME_ADDRESS);
        return withCreateContainerCmdModifier(cmd -> {
            cmd.withUser(settings.user());
            cmd.withHostName(settings.hostname());
            settings.runtime().ifPresent(runtime -> cmd.getHostConfig().withRuntime(runtime));
            cmd.getHostConfig()
                    .withSysctls(settings.sysctls())
                    .withMemory(settings.memoryBytes())
                    .withPidsLimit(settings.pidsLimit())
                    .withCapDrop(Capability.ALL)
                    .withSecurityOpts(List.of("no-new-privileges"))
                    .withReadonlyRootfs(true)
                    .withTmpFs(Map.of(ContainerSettings.TMPFS, ContainerSettings.TMPFS_OPTIONS));
            cmd.withVolumes(new Volume(ContainerSettings.VOLUME));
        });
    }

    /**
     * Tells a kernel platform's boot script which accelerator to use; for KVM, passes the device in and
     * lets the container's user join its group.
     */
    public PortzeroContainer withAccelerator(Accelerator accelerator) {
        withEnv("PORTZERO_ACCEL", accelerator.kind());
        withEnv("PORTZERO_ACCEL_REASON", accelerator.reason());
        if (accelerator.device().isPresent()) {
            String device = accelerator.device().get().toString();
            withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                    .withDevices(com.github.dockerjava.api.model.Device.parse(device + ":" + device + ":rw"))
                    .withGroupAdd(List.of(String.valueOf(accelerator.deviceGid().orElseThrow()))));
        }
        return this;
    }

    /** Labels that let a later run find and sweep this container. */
    public PortzeroContainer withHarnessLabels(Map<String, String> labels) {
        return withLabels(labels);
    }

    /** The container is started; nothing to wait for until it exits. */
    private static final class StartedIsEnough extends StartupCheckStrategy {
        @Override
        public StartupStatus checkStartupState(DockerClient dockerClient, String containerId) {
            return StartupStatus.SUCCESSFUL;
        }
    }

    /** No port, no log line to wait for. */
    private static final class NoWait extends AbstractWaitStrategy {
        @Override
        protected void waitUntilReady() {
        }
    }
}
