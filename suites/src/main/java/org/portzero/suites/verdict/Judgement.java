package org.portzero.suites.verdict;

/**
 * What a check concluded from its observations, before expectations are applied.
 *
 * <p>{@code observed} is the claim's result, the only part the matrix and the baseline diff
 * compare across platforms and runs ({@code all distinct}, {@code ECONNREFUSED}); it holds no
 * number the harness or the kernel chose (how many sockets, which window; ports are named, {@link org.portzero.model.PortNames}). Those go in
 * {@code figures}, which every view shows and nothing compares.
 *
 * @param holds    whether the claim held
 * @param observed the observed outcome in short form ({@code ECONNREFUSED}, {@code [::]:P1}, {@code all distinct})
 * @param expected what the claim expects, in the same form
 * @param message  a failure that reads as a bug report: variant, layer, observed value; null when it held
 * @param seed     the property engine's seed, or null for a scenario check
 * @param reach    for a property: how many generated examples fell in each kind (e.g. {@code tcp46}), else null
 * @param figures  the numbers behind the outcome ({@code 200 sockets}, {@code window 40000-40063}), or null
 * @param counterexample whether the failure carries proof (a duplicate live port, a port outside the window):
 *                 final at once, even for a check that declares itself environment-sensitive
 */
public record Judgement(boolean holds, String observed, String expected, String message, Long seed,
                        java.util.Map<String, Integer> reach, String figures, boolean counterexample) {

    public Judgement(boolean holds, String observed, String expected, String message, Long seed,
                     java.util.Map<String, Integer> reach, String figures) {
        this(holds, observed, expected, message, seed, reach, figures, false);
    }

    public Judgement(boolean holds, String observed, String expected, String message, Long seed,
                     java.util.Map<String, Integer> reach) {
        this(holds, observed, expected, message, seed, reach, null);
    }

    public Judgement(boolean holds, String observed, String expected, String message, Long seed) {
        this(holds, observed, expected, message, seed, null, null);
    }

    public Judgement withReach(java.util.Map<String, Integer> reach) {
        return new Judgement(holds, observed, expected, message, seed, java.util.Map.copyOf(reach), figures, counterexample);
    }

    /** The same judgement with the numbers behind its outcome, shown beside it and never compared. */
    public Judgement withFigures(String figures) {
        return new Judgement(holds, observed, expected, message, seed, reach, figures, counterexample);
    }

    /**
     * The same judgement, its failure marked as carrying a counterexample: a check declared
     * environment-sensitive still does not run it again. No effect on a judgement that held.
     */
    public Judgement asCounterexample(boolean proof) {
        return new Judgement(holds, observed, expected, message, seed, reach, figures, !holds && proof);
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
