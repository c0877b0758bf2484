package org.portzero.reports;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.portzero.reports.run.PlatformRun;
import org.portzero.reports.run.RunDirectory;

/**
 * The fixture run directories under {@code src/test/resources/runs/}, cut from real runs of the
 * runner jar (11 checks each): {@code k618-jdk17} and {@code k618-jdk25} (one kernel, two JDKs),
 * {@code k61-jdk17} (the same JDK on a 6.1 kernel; platform.json and three results edited by hand:
 * one {@code fail}, one {@code xfail}), and {@code truncated} (observations.json cut mid-result,
 * no allure-results, run.json recording the container's exit 137).
 */
public final class FixtureRuns {

    public static final String K618_JDK17 = "k618-jdk17";
    public static final String K618_JDK25 = "k618-jdk25";
    public static final String K61_JDK17 = "k61-jdk17";
    public static final String TRUNCATED = "truncated";

    private FixtureRuns() {
    }

    public static Path dir(String id) {
        try {
            return Path.of(FixtureRuns.class.getResource("/runs/" + id).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<PlatformRun> read(String... ids) {
        return Arrays.stream(ids).map(FixtureRuns::dir).map(RunDirectory::read).toList();
    }

    /** The ids as a {@code --runs=} value. */
    public static String runsArgument(String... ids) {
        return String.join(",", Arrays.stream(ids).map(id -> dir(id).toString()).toList());
    }
}
