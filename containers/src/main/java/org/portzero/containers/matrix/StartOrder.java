package org.portzero.containers.matrix;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.portzero.containers.platform.PlatformDefinition;
import org.portzero.model.PlatformRunsRecord;
import org.portzero.model.RunRecord;

/**
 * The order the container platforms start in: longest first, by the wall times of the last matrix
 * run ({@code platform-runs.json}), so that the short ones fill the lanes at the end instead of one
 * long platform running alone (the longest-processing-time rule). A platform the last run did not
 * time (new, or a first run) starts first: its cost is unknown. Ties, and every platform when there
 * is no last run, keep the plan's order. Only the start order changes: the matrix reports in plan order.
 */
final class StartOrder {

    private StartOrder() {
    }

    static List<PlatformDefinition> longestFirst(List<PlatformDefinition> platforms, Optional<PlatformRunsRecord> last) {
        if (last.isEmpty()) {
            return List.copyOf(platforms);
        }
        Map<String, Long> walls = last.get().platforms().stream()
                .collect(Collectors.toMap(RunRecord::platform, RunRecord::wallMillis, Math::max));
        Function<PlatformDefinition, Long> known = p -> walls.getOrDefault(p.id(), Long.MAX_VALUE);
        return platforms.stream().sorted(Comparator.comparing(known).reversed()).toList();
    }
}
