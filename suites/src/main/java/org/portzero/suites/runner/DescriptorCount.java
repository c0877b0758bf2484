package org.portzero.suites.runner;

import java.io.File;
import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.portzero.model.Family;

/**
 * Counts this process's open file descriptors ({@code /proc/self/fd}) before and after each
 * family's suite, so a run shows that the harness closes what it opens.
 */
final class DescriptorCount implements TestExecutionListener {

    /** Descriptors a family may leave open (JIT, class loading and the like), beyond which the run says so. */
    static final int TOLERANCE = 8;

    private final Map<String, int[]> byFamily = new TreeMap<>();

    static int now() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? -1 : fds.length;
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        family(id).ifPresent(f -> byFamily.computeIfAbsent(f, k -> new int[] {now(), -1}));
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        family(id).ifPresent(f -> byFamily.get(f)[1] = now());
    }

    /** The family a test container stands for: the catalogue suite names each family's container by its id. */
    private static java.util.Optional<String> family(TestIdentifier id) {
        return java.util.Arrays.stream(Family.values()).map(Family::id)
                .filter(f -> id.isContainer() && f.equals(id.getDisplayName())).findFirst();
    }

    /** family → {before, after}. */
    Map<String, Map<String, Integer>> counts() {
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        byFamily.forEach((f, c) -> out.put(f, Map.of("before", c[0], "after", c[1])));
        return out;
    }

    /** The families that left more than {@link #TOLERANCE} descriptors open. */
    Map<String, Integer> leaks() {
        Map<String, Integer> out = new TreeMap<>();
        byFamily.forEach((f, c) -> {
            if (c[1] - c[0] > TOLERANCE) {
                out.put(f, c[1] - c[0]);
            }
        });
        return out;
    }
}
