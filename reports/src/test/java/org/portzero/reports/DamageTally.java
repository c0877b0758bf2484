package org.portzero.reports;

import java.util.EnumMap;
import java.util.Map;

/**
 * How a reader took each kind of {@link JsonMutation.Damage}: how many damaged inputs it read
 * as they were and how many it refused. The malformed-input properties use it to show they are
 * not vacuous (both counts above zero) and print it for the record.
 */
public final class DamageTally {

    private final Map<JsonMutation.Damage, int[]> counts = new EnumMap<>(JsonMutation.Damage.class);
    private final String readWord;
    private final String refusedWord;

    /** {@code readWord} and {@code refusedWord} name the two outcomes in {@link #toString()}. */
    public DamageTally(String readWord, String refusedWord) {
        this.readWord = readWord;
        this.refusedWord = refusedWord;
    }

    public synchronized void count(JsonMutation.Damage damage, boolean refused) {
        counts.computeIfAbsent(damage, d -> new int[2])[refused ? 1 : 0]++;
    }

    public synchronized int read() {
        return counts.values().stream().mapToInt(c -> c[0]).sum();
    }

    public synchronized int refused() {
        return counts.values().stream().mapToInt(c -> c[1]).sum();
    }

    public synchronized int refused(JsonMutation.Damage damage) {
        return counts.getOrDefault(damage, new int[2])[1];
    }

    @Override
    public synchronized String toString() {
        StringBuilder out = new StringBuilder();
        out.append(read()).append(' ').append(readWord).append(", ").append(refused()).append(' ').append(refusedWord).append(';');
        counts.forEach((d, c) -> out.append(' ').append(d).append(' ').append(c[0]).append('/').append(c[1]));
        return out.toString();
    }
}
