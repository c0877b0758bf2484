package org.portzero.suites.catalogue;

/**
 * The property engine's settings: {@code -Dportzero.seed=} replays a run, {@code -Dportzero.examples=}
 * sets the number of examples every property tries (default: each property's own count).
 *
 * @param seed     the fixed seed, or null to draw a fresh one per property (and record it)
 * @param examples the example count for every property, or null for the defaults
 */
public record PropertySettings(Long seed, Integer examples) {

    public static PropertySettings fromSystemProperties() {
        String seed = System.getProperty("portzero.seed");
        String examples = System.getProperty("portzero.examples");
        return new PropertySettings(
                seed == null || seed.isBlank() ? null : Long.valueOf(seed.trim()),
                examples == null || examples.isBlank() ? null : Integer.valueOf(examples.trim()));
    }

    public static PropertySettings defaults() {
        return new PropertySettings(null, null);
    }

    /** The seed to use now: the fixed one, or a fresh one. */
    public long seedForRun() {
        return seed != null ? seed : System.nanoTime() ^ Double.doubleToLongBits(Math.random());
    }

    public int examples(int defaultCount) {
        return examples != null ? examples : defaultCount;
    }
}
