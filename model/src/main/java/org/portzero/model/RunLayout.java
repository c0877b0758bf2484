package org.portzero.model;

import java.nio.file.Path;

/**
 * The file names of the run contract. An output folder ({@code target/portzero/}) holds
 * {@code platform-runs.json} and {@code runs/<platform-id>/}; each run directory holds what the
 * runner wrote ({@code observations.json}, {@code platform.json}, {@code allure-results/},
 * {@code junit/}), the runner's {@code console.log} and the harness's {@code run.json}.
 *
 * @param path the run directory, {@code runs/<platform-id>/}
 */
public record RunLayout(Path path) {

    public static final String RUNS = "runs";
    public static final String PLATFORM_RUNS = "platform-runs.json";
    public static final String OBSERVATIONS = "observations.json";
    public static final String FACTS = "platform.json";
    public static final String RUN_RECORD = "run.json";
    public static final String CONSOLE_LOG = "console.log";
    public static final String ALLURE_RESULTS = "allure-results";
    public static final String JUNIT = "junit";
    /**
     * The checks the runner has listed so far, each as the {@code broken} result it is left with if
     * the runner dies before it ends: {@code observations.json}'s format, rewritten each time a family
     * lists its checks. What a harness reads of a run whose process, or whole sandbox, died.
     */
    public static final String LISTED = "listed.json";

    /** {@code out/runs/<platformId>/}. */
    public static RunLayout of(Path out, String platformId) {
        return new RunLayout(runs(out).resolve(platformId));
    }

    /** {@code out/runs/}. */
    public static Path runs(Path out) {
        return out.resolve(RUNS);
    }

    /** {@code out/platform-runs.json}. */
    public static Path platformRuns(Path out) {
        return out.resolve(PLATFORM_RUNS);
    }

    /** The platform id: the run directory's name. */
    public String platformId() {
        return path.toAbsolutePath().normalize().getFileName().toString();
    }

    public Path observations() {
        return path.resolve(OBSERVATIONS);
    }

    public Path facts() {
        return path.resolve(FACTS);
    }

    public Path runRecord() {
        return path.resolve(RUN_RECORD);
    }

    public Path consoleLog() {
        return path.resolve(CONSOLE_LOG);
    }

    public Path allureResults() {
        return path.resolve(ALLURE_RESULTS);
    }

    public Path junit() {
        return path.resolve(JUNIT);
    }

    public Path listed() {
        return path.resolve(LISTED);
    }
}
