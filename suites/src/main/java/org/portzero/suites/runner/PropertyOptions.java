package org.portzero.suites.runner;

import java.util.EnumMap;
import java.util.Map;
import org.portzero.model.RunnerProperty;
import picocli.CommandLine.Option;

/**
 * How the properties run: {@code --seed} and {@code --examples}, the options of
 * {@link RunnerProperty#SEED} and {@link RunnerProperty#EXAMPLES} ({@link RunnerProperty#option()}).
 */
public final class PropertyOptions {

    @Option(names = "--seed", paramLabel = "N",
            description = "Every property runs with this seed: replays a falsified property.")
    private Long seed;

    @Option(names = "--examples", paramLabel = "N", description = "Every property tries N examples (soak runs).")
    private Integer examples;

    /** The options given, as the runner properties they stand for. */
    public Map<RunnerProperty, String> given() {
        Map<RunnerProperty, String> given = new EnumMap<>(RunnerProperty.class);
        if (seed != null) {
            given.put(RunnerProperty.SEED, seed.toString());
        }
        if (examples != null) {
            given.put(RunnerProperty.EXAMPLES, examples.toString());
        }
        return given;
    }
}
