package org.portzero.suites.catalogue;

import org.portzero.model.RunnerProperty;

/**
 * How a falsified property is replayed: the Maven command that runs that one check again on the
 * platform it failed on, with its seed (and the example count, when the run set one). The build
 * forwards {@code -Dportzero.seed}, {@code -Dportzero.examples} and {@code -Dportzero.checks} to
 * every platform's runner, so the command does what it says. The platform is the one the matrix
 * declared to this runner ({@code -Dportzero.platform}); {@code host} when the jar was run by hand.
 */
public final class Replay {

    /**
     * The build that runs the platforms (docs/PLATFORMS.md, "Running one platform"), without the
     * harness's own tests: they read {@code -Dportzero.seed} and {@code -Dportzero.examples} for their
     * own properties, and a replay is about the platform's check, not theirs.
     */
    static final String BUILD = "mvn -B verify -pl containers -am -Dmaven.test.skip=true";
    static final String HOST = "host";

    private Replay() {
    }

    /** The first line of a falsified property's message: {@code … falsified (seed N, replay with -Dportzero.seed=N)}. */
    public static String falsified(String checkId, long seed) {
        return checkId + " falsified (seed " + seed + ", replay with " + RunnerProperty.SEED.argument(String.valueOf(seed)) + ")";
    }

    /** {@code replay: mvn -B verify -pl containers -am -Dmaven.test.skip=true -Dportzero.platforms=host -Dportzero.checks=ID -Dportzero.seed=N}. */
    public static String command(String checkId, long seed, PropertySettings settings) {
        String platform = System.getProperty(RunnerProperty.PLATFORM.key(), "").isBlank()
                ? HOST : System.getProperty(RunnerProperty.PLATFORM.key()).strip();
        return "replay: " + BUILD + " -Dportzero.platforms=" + platform
                + " " + RunnerProperty.CHECKS.argument(checkId)
                + " " + RunnerProperty.SEED.argument(String.valueOf(seed))
                + (settings.examples() == null ? "" : " " + RunnerProperty.EXAMPLES.argument(settings.examples().toString()));
    }
}
