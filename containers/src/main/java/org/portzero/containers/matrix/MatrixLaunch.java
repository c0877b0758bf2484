package org.portzero.containers.matrix;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.portzero.model.RunnerSettings;

/**
 * How a platform matrix JVM is started outside Maven ({@code java -jar portzero.jar matrix}), with what
 * {@code containers/pom.xml}'s {@code platform-matrix} execution gives it there: the Testcontainers
 * environment (read from the environment only, hence a JVM of its own), the logging settings, and the
 * {@link MatrixProperty} values. {@code MatrixLaunchTest} holds the pom to the same environment and
 * logging settings.
 *
 * @param properties each matrix property given; one not given is absent
 * @param runner     the runner properties forwarded to every platform
 */
public record MatrixLaunch(Map<MatrixProperty, String> properties, RunnerSettings runner) {

    /**
     * What Testcontainers needs here: no Ryuk (its image cannot be pulled), the engine on this host,
     * no start-up checks (they pull an image too).
     */
    public static final Map<String, String> TESTCONTAINERS_ENVIRONMENT = orderedMap(
            "TESTCONTAINERS_RYUK_DISABLED", "true",
            "TESTCONTAINERS_HOST_OVERRIDE", "localhost",
            "TESTCONTAINERS_CHECKS_DISABLE", "true");

    /** slf4j-simple at warn; the engine's discovery is the matrix's to explain, in one line. */
    public static final List<String> LOGGING = List.of(
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-Dorg.slf4j.simpleLogger.log.org.testcontainers.utility.ResourceReaper=error",
            "-Dorg.slf4j.simpleLogger.log.com.github.dockerjava=off",
            "-Dorg.slf4j.simpleLogger.log.org.testcontainers.dockerclient=off",
            "-Dorg.slf4j.simpleLogger.log.org.testcontainers.DockerClientFactory=off");

    public MatrixLaunch {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** {@code java <logging> -D… -classpath CLASSPATH MatrixMain}. */
    public List<String> command(Path java, String classpath) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(LOGGING);
        properties.forEach((property, value) -> command.add(property.argument(value)));
        runner.forwarded().forEach((property, value) -> command.add(property.argument(value)));
        command.addAll(List.of("-classpath", classpath, MatrixMain.class.getName()));
        return command;
    }

    /**
     * The matrix JVM, with the Testcontainers environment added to {@code environment} (a variable the
     * user set is kept) and this process's console.
     */
    public ProcessBuilder process(Path java, String classpath) {
        ProcessBuilder builder = new ProcessBuilder(command(java, classpath)).inheritIO();
        TESTCONTAINERS_ENVIRONMENT.forEach(builder.environment()::putIfAbsent);
        return builder;
    }

    /** The system properties the matrix JVM gets, as {@link MatrixOptions#from} reads them. */
    public java.util.Properties systemProperties() {
        java.util.Properties all = new java.util.Properties();
        properties.forEach((property, value) -> all.setProperty(property.key(), value));
        runner.forwarded().forEach((property, value) -> all.setProperty(property.key(), value));
        return all;
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
