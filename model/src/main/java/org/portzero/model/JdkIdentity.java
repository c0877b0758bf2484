package org.portzero.model;

/**
 * One JDK as it names itself: its {@code java.vendor}, {@code java.version} and
 * {@code java.vm.version}. A platform's facts name two: the JDK under test, which ran the
 * {@code socket}, {@code nio} and {@code async} layers, and the JDK that ran the runner (judging,
 * the {@code libc} layer, the facts). They are one JDK unless the runner was started with
 * {@value #LAYERS_PROPERTY}.
 *
 * @param vendor    {@code java.vendor}
 * @param version   {@code java.version}: {@code 1.8.0_504}, {@code 11.0.33-ea}, {@code 25.0.1}
 * @param vmVersion {@code java.vm.version}
 */
public record JdkIdentity(String vendor, String version, String vmVersion) {

    /**
     * The runner's system property naming the {@code java} executable of the JDK under test: the
     * runner starts the probe agent on it and the JDK layers run there.
     */
    public static final String LAYERS_PROPERTY = "portzero.jdk.layers";

    /** {@code Debian 1.8.0_504}: vendor and version, as a log line or a matrix header shows them. */
    @Override
    public String toString() {
        return vendor + " " + version;
    }
}
