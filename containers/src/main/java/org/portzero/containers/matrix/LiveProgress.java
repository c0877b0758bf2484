package org.portzero.containers.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.portzero.model.FamilyProgress;

/**
 * What the platform matrix says while it runs (docs/PLATFORMS.md, "While it runs"): in
 * {@link ProgressMode#LIVE} a line per finished family ({@code [debian13-jdk25] unique 43/43 ✓ 6.2 s}),
 * a heartbeat for whatever has been silent for a while (an image build, a kernel guest booting);
 * in both modes the {@code k/N platforms} counter with the elapsed time and an estimate of what is
 * left, on each platform's closing line. Pure bookkeeping over a clock, so it is tested without
 * running anything.
 */
public final class LiveProgress {

    /** Something under way: a platform running, an image being built. */
    private static final class Activity {
        final String who;
        final String what;
        final long since;
        volatile long lastHeard;
        volatile String lastFamily;

        Activity(String who, String what, long now) {
            this.who = who;
            this.what = what;
            this.since = now;
            this.lastHeard = now;
        }
    }

    private final ProgressMode mode;
    private final int platforms;
    private final long heartbeatNanos;
    private final LongSupplier clock;
    private final Consumer<String> out;
    private final long start;
    private final Map<String, Activity> active = new ConcurrentHashMap<>();
    /** platform → the families already shown: a console read twice (rewritten whole at the end) shows each once. */
    private final Map<String, java.util.Set<String>> shown = new ConcurrentHashMap<>();
    private int finished;

    /**
     * @param platforms       N, the platforms of the plan
     * @param heartbeatMillis how long something may be silent before the heartbeat names it
     * @param clock           nanoseconds, {@link System#nanoTime} outside tests
     * @param out             where lines go (the matrix's log, with its {@code [portzero]} prefix)
     */
    public LiveProgress(ProgressMode mode, int platforms, long heartbeatMillis, LongSupplier clock, Consumer<String> out) {
        this.mode = mode;
        this.platforms = platforms;
        this.heartbeatNanos = heartbeatMillis * 1_000_000;
        this.clock = clock;
        this.out = out;
        this.start = clock.getAsLong();
    }

    public ProgressMode mode() {
        return mode;
    }

    /** A platform started; {@code waitingFor} says what its silence means until a family finishes. */
    public void started(String platform, String waitingFor) {
        active.put(platform, new Activity(platform, waitingFor, clock.getAsLong()));
    }

    /** A step under way, for the heartbeat; closing it ends it. */
    public interface Step extends AutoCloseable {
        @Override
        void close();
    }

    /** An image build (or another step) began for {@code who}; close the handle when it ends. */
    public Step during(String who, String what) {
        String key = who + " " + what;
        active.put(key, new Activity(who, what, clock.getAsLong()));
        return () -> active.remove(key);
    }

    /** A line of the platform's console: a finished family is shown (live), and counts as a sign of life. */
    public void console(String platform, String line) {
        FamilyProgress.parse(line).ifPresent(p -> {
            if (!shown.computeIfAbsent(platform, k -> ConcurrentHashMap.newKeySet()).add(p.family().id())) {
                return;
            }
            Activity a = active.get(platform);
            if (a != null) {
                a.lastHeard = clock.getAsLong();
                a.lastFamily = p.family().id();
            }
            if (mode == ProgressMode.LIVE) {
                out.accept(familyLine(platform, p));
            }
        });
    }

    /** A platform ended: the counter to put on its closing line, {@code 3/11 platforms · 2 min 14 s elapsed · about 5 min left}. */
    public synchronized String finished(String platform) {
        active.remove(platform);
        finished++;
        return counter(finished, platforms, (clock.getAsLong() - start) / 1_000_000);
    }

    /** The heartbeat's lines: whatever has been silent for the interval or longer (live mode only). */
    public List<String> heartbeat() {
        List<String> lines = new ArrayList<>();
        if (mode != ProgressMode.LIVE) {
            return lines;
        }
        long now = clock.getAsLong();
        active.values().stream().sorted(java.util.Comparator.comparingLong((Activity a) -> a.since)
                .thenComparing(a -> a.who)).forEach(a -> {
            if (now - a.lastHeard >= heartbeatNanos) {
                String state = a.lastFamily == null ? a.what + " for " + duration((now - a.since) / 1_000_000)
                        : "running, " + duration((now - a.lastHeard) / 1_000_000) + " since " + a.lastFamily + " finished";
                lines.add("[" + a.who + "] … " + state + " (" + duration((now - start) / 1_000_000) + " into the matrix)");
            }
        });
        return lines;
    }

    /** Prints the heartbeat's lines. */
    public void beat() {
        heartbeat().forEach(out);
    }

    /** {@code [debian13-jdk25] unique 43/43 ✓ 6.2 s}; {@code ✗ 2 fail/broken} when some result fails the gate. */
    public static String familyLine(String platform, FamilyProgress p) {
        String mark = p.clean() ? "✓" : p.failing() > 0 ? "✗ " + p.failing() + " fail/broken" : "✗ " + (p.listed() - p.done()) + " without a result";
        return "[" + platform + "] " + p.family().id() + " " + p.done() + "/" + p.listed() + " " + mark + " "
                + String.format(Locale.ROOT, "%.1f s", p.millis() / 1000.0);
    }

    /**
     * {@code k/N platforms · elapsed · about X left}: the estimate assumes the platforms left take as
     * long, on average, as those done so far (parallel runs included); none is given before the first.
     */
    public static String counter(int done, int total, long elapsedMillis) {
        String text = done + "/" + total + " platforms · " + duration(elapsedMillis) + " elapsed";
        if (done >= total) {
            return text;
        }
        if (done == 0) {
            return text + " · no estimate yet";
        }
        return text + " · about " + duration(elapsedMillis * (total - done) / done) + " left";
    }

    /** {@code 6.2 s}, {@code 2 min 14 s}, {@code 1 h 3 min}. */
    public static String duration(long millis) {
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + (seconds % 3600) / 60 + " min";
    }
}
