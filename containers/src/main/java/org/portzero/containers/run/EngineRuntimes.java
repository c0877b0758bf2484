package org.portzero.containers.run;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import org.portzero.containers.platform.ContainerRuntime;
import org.portzero.containers.platform.PlatformDefinition;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The runtimes the Docker engine has registered ({@code docker info}'s {@code Runtimes}), asked once
 * per matrix: a platform whose runtime the engine lacks cannot run there, and is told why.
 *
 * @param names the registered runtime names
 */
public record EngineRuntimes(Set<String> names) {

    public EngineRuntimes {
        names = Set.copyOf(names);
    }

    public static EngineRuntimes of(DockerClient docker) {
        Info info = docker.infoCmd().exec();
        return new EngineRuntimes(info.getRuntimes() == null ? Set.of() : info.getRuntimes().keySet());
    }

    /** Why {@code platform} cannot run on this engine; empty when it can (the default runtime always can). */
    public Optional<String> whyNot(PlatformDefinition platform) {
        ContainerRuntime runtime = platform.runtime();
        Optional<String> name = runtime.engineName();
        if (name.isEmpty() || names.contains(name.get())) {
            return Optional.empty();
        }
        return Optional.of("the Docker engine has no runtime '" + name.get() + "' (it has: "
                + String.join(", ", new TreeSet<>(names)) + "): " + runtime.stack() + " is not installed here."
                + " Register runsc as docs/PLATFORMS.md (\"gVisor\") says, or name your registration with -D"
                + runtime.propertyKey() + "=NAME");
    }
}
