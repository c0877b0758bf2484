package org.portzero.containers.run;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Capability;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

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
 *       memory and a pids limit.</li>
 *   <li>Files: the runner jar at {@link ContainerSettings#RUNNER_PATH}; results under
 *       {@link ContainerSettings#OUT_DIR}, copied out by the caller after the exit.</li>
 *   <li>Start-up: returns as soon as the container started; the caller waits for the exit
 *       (so a non-zero exit never removes the container before its files are copied).</li>
 * </ul>
 */
public final class PortzeroContainer extends GenericContainer<PortzeroContainer> {

    public PortzeroContainer(String imageTag) {
        super(DockerImageName.parse(imageTag));
        withImagePullPolicy(image -> false);
        withStartupCheckStrategy(new StartedIsEnough());
        waitingFor(new NoWait());
    }

    /** Copies the runner jar in before the container starts. */
    public PortzeroContainer withRunner(Path runnerJar) {
        return withCopyFileToContainer(MountableFile.forHostPath(runnerJar, 0644), ContainerSettings.RUNNER_PATH);
    }

    /** Applies sysctls, user, memory, network and the security settings; sets the command. */
    public PortzeroContainer withSettings(ContainerSettings settings) {
        withNetworkMode(settings.network());
        withCommand(settings.command().toArray(String[]::new));
        withExtraHost(settings.hostname(), ContainerSettings.HOSTNAME_ADDRESS);
        return withCreateContainerCmdModifier(cmd -> {
            cmd.withUser(settings.user());
            cmd.withHostName(settings.hostname());
            cmd.getHostConfig()
                    .withSysctls(settings.sysctls())
                    .withMemory(settings.memoryBytes())
                    .withPidsLimit(settings.pidsLimit())
                    .withCapDrop(Capability.ALL)
                    .withSecurityOpts(List.of("no-new-privileges"));
        });
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
