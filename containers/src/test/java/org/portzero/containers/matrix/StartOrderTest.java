package org.portzero.containers.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.portzero.containers.platform.PlatformDefinition;
import org.portzero.containers.platform.PlatformDefinitionReader;
import org.portzero.model.PlatformRunsRecord;
import org.portzero.model.RunRecord;
import org.portzero.model.RunStatus;

/** Platforms start longest first by the last run's wall times; unknown ones first; without a last run, in plan order. */
class StartOrderTest {

    private final List<PlatformDefinition> platforms = new PlatformDefinitionReader()
            .readAll(Path.of(System.getProperty("portzero.platforms.home", "platforms"))).stream()
            .filter(p -> List.of("crowded-range", "debian12-jdk17", "reserved", "tiny-range").contains(p.id()))
            .toList();

    private static RunRecord ran(String platform, long wallMillis) {
        return new RunRecord(RunRecord.SCHEMA_VERSION, platform, "container", "", null, RunStatus.COMPLETED, "", 0,
                wallMillis, null, null, Map.of(), Map.of(), null);
    }

    private static List<String> ids(List<PlatformDefinition> order) {
        return order.stream().map(PlatformDefinition::id).toList();
    }

    @Test
    void withoutALastRunThePlanOrderStays() {
        assertEquals(List.of("crowded-range", "debian12-jdk17", "reserved", "tiny-range"),
                ids(StartOrder.longestFirst(platforms, Optional.empty())));
    }

    @Test
    void theLongestStartFirstAndAnUntimedOneBeforeThem() {
        PlatformRunsRecord last = new PlatformRunsRecord(RunRecord.SCHEMA_VERSION, "2026-12-02T00:00:00Z", 60_000, "engine",
                List.of(ran("host", 14_000), ran("crowded-range", 9_500), ran("debian12-jdk17", 14_500),
                        ran("reserved", 11_200)));
        assertEquals(List.of("tiny-range", "debian12-jdk17", "reserved", "crowded-range"),
                ids(StartOrder.longestFirst(platforms, Optional.of(last))));
    }
}
