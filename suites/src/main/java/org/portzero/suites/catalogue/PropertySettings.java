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

    public static final String SEED = org.portzero.model.RunnerProperty.SEED.key();
    public static final String EXAMPLES = org.portzero.model.RunnerProperty.EXAMPLES.key();

    /** A property that tries no example has tested nothing: an example count below 1 is refused. */
    public PropertySettings {
        if (examples != null && examples < 1) {
            throw new IllegalArgumentException("-D" + EXAMPLES + "=" + examples
                    + ": every property must try at least 1 example (a property that tries none proves nothing)");
        }
    }

    public PropertySettings(Long seed, Integer examples) {
        this(seed, examples, System.nanoTime() ^ Double.doubleToLongBits(Math.random()));
    }

    /** The settings {@value #SEED} and {@value #EXAMPLES} give; a value that is not a number is refused, naming it. */
    public static PropertySettings fromSystemProperties() {
        String seed = System.getProperty(SEED);
        String examples = System.getProperty(EXAMPLES);
        return new PropertySettings(
                seed == null || seed.isBlank() ? null : number(SEED, seed, Long::valueOf),
                examples == null || examples.isBlank() ? null : number(EXAMPLES, examples, Integer::valueOf));
    }

    private static <N> N number(String property, String text, java.util.function.Function<String, N> parse) {
        try {
            return parse.apply(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + property + "=" + text + ": not a whole number");
        }
    }

    /** The seed of one property: the fixed one, or one derived from this run and the check id. */
    public long seedFor(String checkId) {
        return seed != null ? seed : runBase ^ (checkId.hashCode() * 0x9E3779B97F4A7C15L);
    }

    public int examples(int defaultCount) {
        return examples != null ? examples : defaultCount;
    }
}
