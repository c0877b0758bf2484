package org.portzero.suites.verdict;

/**
 * What a check concluded from its observations, before expectations are applied.
 *
 * @param holds    whether the claim held
 * @param observed the observed outcome in short form ({@code ECONNREFUSED}, {@code [::]:40001})
 * @param expected what the claim expects, in the same form
 * @param message  a failure that reads as a bug report: variant, layer, observed value; null when it held
 * @param seed     the property engine's seed, or null for a scenario check
 * @param reach    for a property: how many generated examples fell in each kind (e.g. {@code tcp46}), else null
 */
public record Judgement(boolean holds, String observed, String expected, String message, Long seed,
                        java.util.Map<String, Integer> reach) {

    public Judgement(boolean holds, String observed, String expected, String message, Long seed) {
        this(holds, observed, expected, message, seed, null);
    }

    public Judgement withReach(java.util.Map<String, Integer> reach) {
        return new Judgement(holds, observed, expected, message, seed, java.util.Map.copyOf(reach));
    }

    public static Judgement held(String observed, String expected) {
        return new Judgement(true, observed, expected, null, null);
    }

    public static Judgement broke(String observed, String expected, String message) {
        return new Judgement(false, observed, expected, message, null);
    }

    /** Holds when {@code condition} is true; otherwise fails with {@code message}. */
    public static Judgement check(boolean condition, String observed, String expected, String message) {
        return condition ? held(observed, expected) : broke(observed, expected, message);
    }
}
