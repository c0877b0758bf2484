package org.portzero.containers.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portzero.model.Family;
import org.portzero.model.FamilyProgress;

/** The matrix's live progress: its lines, its counter and estimate, its heartbeat, and the quiet mode. */
class LiveProgressTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(1000 * SECOND);
    private final List<String> printed = new ArrayList<>();

    private LiveProgress progress(ProgressMode mode, int platforms) {
        return new LiveProgress(mode, platforms, 20_000, now::get, printed::add);
    }

    @Test
    void a_finished_family_reads_as_platform_family_count_mark_and_time() {
        assertEquals("[debian13-jdk25] unique 43/43 ✓ 6.2 s", LiveProgress.familyLine("debian13-jdk25", new FamilyProgress(Family.UNIQUE, 43, 43, 0, 6_200)));
        assertEquals("[host] exhaust 40/40 ✗ 2 fail/broken 12.0 s", LiveProgress.familyLine("host", new FamilyProgress(Family.EXHAUST, 40, 40, 2, 12_049)));
        assertEquals("[host] bind0 30/32 ✗ 2 without a result 0.9 s", LiveProgress.familyLine("host", new FamilyProgress(Family.BIND0, 30, 32, 0, 900)));
    }

    @Test
    void the_counter_estimates_what_is_left_from_the_platforms_done() {
        assertEquals("0/11 platforms · 5.0 s elapsed · no estimate yet", LiveProgress.counter(0, 11, 5_000));
        assertEquals("3/11 platforms · 2 min 14 s elapsed · about 5 min 57 s left", LiveProgress.counter(3, 11, 134_000));
        assertEquals("11/11 platforms · 1 h 1 min elapsed", LiveProgress.counter(11, 11, 3_700_000));
        assertEquals("59.9 s", LiveProgress.duration(59_949));
        assertEquals("1 min 0 s", LiveProgress.duration(60_000));
    }

    @Test
    void live_shows_each_family_once_and_counts_platforms_as_they_end() {
        LiveProgress p = progress(ProgressMode.LIVE, 2);
        p.started("host", "running its first family");
        now.addAndGet(6 * SECOND);
        String line = new FamilyProgress(Family.UNIQUE, 43, 43, 0, 6_200).line();
        p.console("host", "portzero: kernel 6.1 …");
        p.console("host", line);
        p.console("host", line);   // the console read again after a rewrite
        assertEquals(List.of("[host] unique 43/43 ✓ 6.2 s"), printed);
        assertEquals("1/2 platforms · 6.0 s elapsed · about 6.0 s left", p.finished("host"));
        now.addAndGet(4 * SECOND);
        assertEquals("2/2 platforms · 10.0 s elapsed", p.finished("narrow-range"));
    }

    @Test
    void the_heartbeat_names_what_has_been_silent_for_the_interval() {
        LiveProgress p = progress(ProgressMode.LIVE, 3);
        p.started("kernel-6.1", "booting its kernel guest");
        LiveProgress.Step build = p.during("debian13-jdk25", "making its image");
        now.addAndGet(19 * SECOND);
        assertEquals(List.of(), p.heartbeat(), "nothing silent for 20 s yet");
        now.addAndGet(31 * SECOND);
        assertEquals(List.of(
                "[debian13-jdk25] … making its image for 50.0 s (50.0 s into the matrix)",
                "[kernel-6.1] … booting its kernel guest for 50.0 s (50.0 s into the matrix)"), p.heartbeat());
        build.close();
        p.console("kernel-6.1", new FamilyProgress(Family.EXHAUST, 40, 40, 0, 9_000).line());
        assertEquals(List.of(), p.heartbeat(), "a family just finished: a sign of life");
        now.addAndGet(25 * SECOND);
        assertEquals(List.of(
                "[kernel-6.1] … running, 25.0 s since exhaust finished (1 min 15 s into the matrix)"), p.heartbeat());
        p.finished("kernel-6.1");
        assertEquals(List.of(), p.heartbeat());
    }

    @Test
    void quiet_collapses_to_the_closing_line_per_platform() {
        LiveProgress p = progress(ProgressMode.QUIET, 1);
        p.started("host", "running its first family");
        p.during("debian13-jdk25", "making its image");
        now.addAndGet(60 * SECOND);
        p.console("host", new FamilyProgress(Family.UNIQUE, 43, 43, 0, 6_200).line());
        p.beat();
        assertEquals(List.of(), printed, "no family line, no heartbeat");
        assertEquals("1/1 platforms · 1 min 0 s elapsed", p.finished("host"));
    }

    @Test
    void ci_and_maven_quiet_choose_quiet_and_the_property_wins() {
        assertEquals(ProgressMode.LIVE, ProgressMode.choose("", Map.of()));
        assertEquals(ProgressMode.QUIET, ProgressMode.choose(null, Map.of("CI", "true")));
        assertEquals(ProgressMode.LIVE, ProgressMode.choose("", Map.of("CI", "false")));
        assertEquals(ProgressMode.QUIET, ProgressMode.choose("", Map.of("MAVEN_CMD_LINE_ARGS", " -B -q verify")));
        assertEquals(ProgressMode.QUIET, ProgressMode.choose("", Map.of("MAVEN_CMD_LINE_ARGS", "--quiet verify")));
        assertEquals(ProgressMode.LIVE, ProgressMode.choose("", Map.of("MAVEN_CMD_LINE_ARGS", "-B verify -Dportzero.platforms=q")));
        assertEquals(ProgressMode.LIVE, ProgressMode.choose("live", Map.of("CI", "true")));
        assertEquals(ProgressMode.QUIET, ProgressMode.choose("QUIET", Map.of()));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ProgressMode.choose("loud", Map.of()))
                .getMessage().contains("live or quiet"));
    }

    @Test
    void the_console_tail_hands_over_complete_lines_and_rereads_a_rewritten_log(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        ConsoleTail tail = new ConsoleTail((platform, line) -> lines.add(platform + ": " + line));
        Path log = dir.resolve("console.log");
        tail.follow("p", log);
        tail.poll();   // not there yet
        Files.writeString(log, "one\r\ntw");
        tail.poll();
        assertEquals(List.of("p: one"), lines);
        Files.writeString(log, "o\n", StandardOpenOption.APPEND);
        tail.poll();
        assertEquals(List.of("p: one", "p: two"), lines);
        Files.writeString(log, "new\n");   // rewritten whole, shorter
        tail.stop("p");
        assertEquals(List.of("p: one", "p: two", "p: new"), lines);
        Files.writeString(log, "after\n", StandardOpenOption.APPEND);
        tail.poll();
        assertEquals(3, lines.size(), "not followed once stopped");
    }
}
