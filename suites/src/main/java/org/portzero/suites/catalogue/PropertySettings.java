package org.portzero.suites.catalogue;

/**
 * The property engine's settings: {@code -Dportzero.seed=} replays a run, {@code -Dportzero.examples=}
 * sets the number of examples every property tries (default: each property's own count).
 *
 * @param seed     the fixed seed every property uses, or null to derive one per property
 * @param examples the example count for every property, or null for the defaults
 * @param runBase  drawn once per run: without a fixed seed, each property's seed is derived from
 *                 it and the check id, so a re-run of one check in the same run repeats its cases
 */
public record PropertySettings(Long seed, Integer examples, long runBase) {

    public PropertySettings(Long seed, Integer examples) {
        this(seed, examples, System.nanoTime() ^ Double.doubleToLongBits(Math.random()));
    }

    public static PropertySettings fromSystemProperties() {
        String seed = System.getProperty("portzero.seed");
        String examples = System.getProperty("portzero.examples");
        return new PropertySettings(
                seed == null || seed.isBlank() ? null : Long.valueOf(seed.trim()),
                examples == null || examples.isBlank() ? null : Integer.valueOf(examples.trim()));
    }

    /** The seed of one property: the fixed one, or one derived from this run and the check id. */
    public long seedFor(String checkId) {
        return seed != null ? seed : runBase ^ (checkId.hashCode() * 0x9E3779B97F4A7C15L);
    }

    public int examples(int defaultCount) {
        return examples != null ? examples : defaultCount;
    }
}
