package org.portzero.suites.checks.unique.porttable;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Shrinks a failing call sequence by removing calls while it still fails (delta debugging,
 * chunks then single calls). QuickTheories shrinks list elements well but sequence length
 * poorly; this finishes the job so a counterexample reads as the few calls that matter.
 */
final class SequenceShrinker {

    /** A bound on re-runs, so a flaky failure cannot make shrinking run long. */
    static final int MAX_RUNS = 400;

    private SequenceShrinker() {
    }

    static List<SocketCall> shrink(List<SocketCall> failing, Predicate<List<SocketCall>> fails) {
        List<SocketCall> current = new ArrayList<>(failing);
        int runs = 0;
        int chunk = Math.max(1, current.size() / 2);
        while (chunk >= 1 && runs < MAX_RUNS) {
            boolean removed = false;
            for (int start = 0; start < current.size() && runs < MAX_RUNS; ) {
                List<SocketCall> candidate = new ArrayList<>(current.subList(0, start));
                candidate.addAll(current.subList(Math.min(current.size(), start + chunk), current.size()));
                runs++;
                if (!candidate.isEmpty() && fails.test(candidate)) {
                    current = candidate;
                    removed = true;
                } else {
                    start += chunk;
                }
            }
            if (!removed) {
                chunk /= 2;
            }
        }
        return current;
    }
}
