package org.portzero.model;

import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;

/**
 * The runner's system properties, spelled here and nowhere else. A user sets the
 * {@linkplain #FORWARDED forwarded} ones on Maven's command line ({@code mvn verify -Dportzero.seed=N});
 * the build passes them to the platform matrix, and the matrix to the runner on every platform, host
 * and container alike. {@link #PLATFORM} is the matrix's own: it tells a runner which platform it is,
 * so that its replay advice names it. On a command line ({@code java -jar portzero.jar run}) each is
 * the {@linkplain #option() option} of the same name: {@code portzero.seed} is {@code --seed}.
 */
public enum RunnerProperty {
    /** Replays every property with this seed. */
    SEED("portzero.seed"),
    /** Every property's example count. */
    EXAMPLES("portzero.examples"),
    /** Comma-separated family ids: only these families run. */
    FAMILIES("portzero.families"),
    /** Comma-separated globs over check ids ({@code bind0.*}): only matching checks run. */
    CHECKS("portzero.checks"),
    /** The id of the platform the runner runs on; {@code host} when the jar is run by hand. */
    PLATFORM("portzero.platform");

    /** What the user sets once and every platform's runner receives. */
    public static final Set<RunnerProperty> FORWARDED = EnumSet.of(SEED, EXAMPLES, FAMILIES, CHECKS);

    private final String key;

    RunnerProperty(String key) {
        this.key = key;
    }

    /** The system property's name: {@code portzero.seed}. */
    public String key() {
        return key;
    }

    /** Its value in {@code properties}, stripped; null when absent or blank (Maven's "not given"). */
    public String in(Properties properties) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** {@code --seed}: the command-line option that sets it, its key without the {@code portzero.} prefix. */
    public String option() {
        return "--" + key.substring(key.indexOf('.') + 1);
    }

    /** {@code -Dportzero.seed=N}: how a JVM's command line sets it. */
    public String argument(String value) {
        return "-D" + key + "=" + value;
    }
}
