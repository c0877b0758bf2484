package org.portzero.containers.run;

import org.junit.jupiter.api.Test;
import org.portzero.containers.platform.ContainerRuntime;
import org.portzero.containers.platform.ImageSource;
import org.portzero.containers.platform.NetworkMode;
import org.portzero.containers.platform.PlatformDefinition;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A platform runs only under a runtime the engine has registered; the default one always can. */
class EngineRuntimesTest {

    private static PlatformDefinition under(ContainerRuntime runtime) {
        return new PlatformDefinition("p", "p", new ImageSource.SharedImage("debian13-jdk25"), Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of(), NetworkMode.NONE, PlatformDefinition.DEFAULT_USER, List.of(),
                PlatformDefinition.DEFAULT_MEMORY_BYTES, Duration.ofMinutes(1), List.of(), Path.of("."), Optional.empty(),
                runtime);
    }

    @Test
    void runscMustBeRegisteredAndTheDefaultRuntimeNeedNotBe() {
        EngineRuntimes plain = new EngineRuntimes(Set.of("runc", "io.containerd.runc.v2"));
        assertEquals(Optional.empty(), plain.whyNot(under(ContainerRuntime.RUNC)), "runc is the engine's default");
        String why = plain.whyNot(under(ContainerRuntime.RUNSC)).orElseThrow();
        assertTrue(why.startsWith("the Docker engine has no runtime 'runsc' (it has: io.containerd.runc.v2, runc)"), why);
        assertTrue(why.contains("-Dportzero.runtime.runsc=NAME"), why);
        assertEquals(Optional.empty(), new EngineRuntimes(Set.of("runc", "runsc")).whyNot(under(ContainerRuntime.RUNSC)));
    }
}
