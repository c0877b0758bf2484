package org.portzero.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many times a process made each socket call, read from {@code strace -c}'s summary table
 * ({@code % time  seconds  usecs/call  calls  errors  syscall}). The five calls the floor replays
 * come first; the rest are counted so the record says what the floor leaves out.
 */
record SyscallCount(Map<String, Long> calls) {

    /** The calls the C floor makes, in its order. */
    static final List<String> FLOOR = List.of("socket", "bind", "getsockname", "setsockopt", "close");
    /** Every call strace is asked to count. */
    static final List<String> COUNTED = List.of("socket", "bind", "getsockname", "setsockopt", "close",
            "getsockopt", "connect", "listen", "accept", "accept4", "getpeername", "sendto", "shutdown");

    SyscallCount {
        calls = Map.copyOf(calls);
    }

    static SyscallCount parse(String straceSummary) {
        Map<String, Long> calls = new LinkedHashMap<>();
        for (String line : straceSummary.split("\n")) {
            String[] cells = line.trim().split("\\s+");
            // A data row: 5 cells without errors, 6 with; the syscall name last, the count before it or before errors.
            if (cells.length >= 5 && COUNTED.contains(cells[cells.length - 1]) && cells[0].matches("[0-9.]+")) {
                calls.put(cells[cells.length - 1], Long.parseLong(cells[3]));
            }
        }
        return new SyscallCount(calls);
    }

    long of(String call) {
        return calls.getOrDefault(call, 0L);
    }

    /** The five floor calls' total. */
    long floorCalls() {
        return FLOOR.stream().mapToLong(this::of).sum();
    }

    /** Every counted call, in {@link #COUNTED} order, absent ones as 0. */
    Map<String, Long> asMap() {
        Map<String, Long> m = new LinkedHashMap<>();
        COUNTED.forEach(c -> m.put(c, of(c)));
        return m;
    }
}
