package org.portzero.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The {@linkplain RunnerProperty#FORWARDED forwarded} runner properties one matrix run was given,
 * and the JVM arguments that hand them to a platform's runner, the same on every platform.
 *
 * @param forwarded each given property's value; a property not given is absent
 */
public record RunnerSettings(Map<RunnerProperty, String> forwarded) {

    public static final RunnerSettings NONE = new RunnerSettings(Map.of());

    /**
     * The runner's own JVM options, on every platform, placed before the platform's {@code jvmArgs}
     * (a platform that names another collector or compiler setting wins). The runner is a short
     * process whose work is system calls: the C2 compiler's threads and a parallel collector cost
     * it more CPU than they give back, and the matrix runs two runners on two cores. Paired runs
     * of the whole catalogue: benchmarks/results (topic {@code runner-vm-options}). They change no
     * socket call: the calls under test are the JDK's, whatever compiles them.
     */
    public static final List<String> RUNNER_VM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    public RunnerSettings {
        for (RunnerProperty property : forwarded.keySet()) {
            if (!RunnerProperty.FORWARDED.contains(property)) {
                throw new IllegalArgumentException(property.key() + " is not forwarded to the platforms");
            }
        }
        Map<RunnerProperty, String> ordered = new EnumMap<>(RunnerProperty.class);
        ordered.putAll(forwarded);
        forwarded = Collections.unmodifiableMap(ordered);
    }

    /** What {@code properties} (the matrix's system properties) gives of each forwarded property. */
    public static RunnerSettings from(Properties properties) {
        Map<RunnerProperty, String> given = new EnumMap<>(RunnerProperty.class);
        for (RunnerProperty property : RunnerProperty.FORWARDED) {
            String value = property.in(properties);
            if (value != null) {
                given.put(property, value);
            }
        }
        return new RunnerSettings(given);
    }

    /**
     * The runner's JVM arguments on platform {@code platformId}: each forwarded property in declaration
     * order, then {@code -Dportzero.platform=<id>}.
     */
    public List<String> jvmArguments(String platformId) {
        List<String> arguments = new ArrayList<>();
        forwarded.forEach((property, value) -> arguments.add(property.argument(value)));
        arguments.add(RunnerProperty.PLATFORM.argument(platformId));
        return List.copyOf(arguments);
    }
}
