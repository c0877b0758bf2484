package org.portzero.containers.matrix;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * How much the platform matrix says while it runs. {@code LIVE}: a line as each family of each
 * platform finishes, a heartbeat while an image builds or a platform is silent, and the platform's
 * closing line with the {@code k/N platforms} counter. {@code QUIET}: the closing lines alone, one
 * per platform, with the counter — for CI logs ({@code CI=true}) and {@code mvn -q}.
 */
public enum ProgressMode {
    LIVE,
    QUIET;

    /** The property that chooses ({@code live} or {@code quiet}); empty: decided from the environment. */
    public static final String PROPERTY = "portzero.progress";

    /**
     * {@code -Dportzero.progress} when given; else quiet under CI ({@code CI=true}, as GitHub, GitLab
     * and most CI services set it) or when Maven runs quietly ({@code -q} or {@code --quiet} in
     * {@code MAVEN_CMD_LINE_ARGS}, which the {@code mvn} script exports); else live.
     */
    public static ProgressMode choose(String property, Map<String, String> environment) {
        if (property != null && !property.isBlank()) {
            String wanted = property.strip().toUpperCase(Locale.ROOT);
            return Arrays.stream(values()).filter(m -> m.name().equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(PROPERTY + " must be live or quiet, was '"
                            + property + "'"));
        }
        if ("true".equalsIgnoreCase(environment.getOrDefault("CI", "").strip())) {
            return QUIET;
        }
        boolean mavenQuiet = Arrays.stream(environment.getOrDefault("MAVEN_CMD_LINE_ARGS", "").split("\\s+"))
                .anyMatch(arg -> arg.equals("-q") || arg.equals("--quiet"));
        return mavenQuiet ? QUIET : LIVE;
    }
}
