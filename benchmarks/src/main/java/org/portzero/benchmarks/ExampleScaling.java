package org.portzero.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Wall time of the whole catalogue on the host against the property example count
 * ({@code -Dportzero.examples=N}): the runner jar in a fresh JVM per run, its own
 * {@code wallMillis} from {@code observations.json} and the process's wall time.
 */
final class ExampleScaling {

    static final List<Integer> EXAMPLES = List.of(25, 50, 100, 200);

    /** One runner run: example count, process wall seconds, the runner's own wallMillis in seconds. */
    record ExampleRun(int examples, double wallSeconds, double runnerSeconds) {
    }

    private final Path out;
    private final Path runnerJar;

    ExampleScaling(Path out, Path runnerJar) {
        this.out = out;
        this.runnerJar = runnerJar;
    }

    ExampleRun run(int examples, int round) throws IOException, InterruptedException {
        Path runOut = out.resolve("examples").resolve(examples + "-" + round);
        Files.createDirectories(runOut);
        long start = System.nanoTime();
        int exit = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dportzero.examples=" + examples, "-jar", runnerJar.toString(), "--out", runOut.toString())
                .redirectErrorStream(true).redirectOutput(new org.portzero.model.RunLayout(runOut).consoleLog().toFile()).start().waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException("runner exited " + exit + "; see " + runOut.resolve("console.log"));
        }
        org.portzero.model.Observations observations =
                org.portzero.model.ObservationsFile.read(new org.portzero.model.RunLayout(runOut).observations());
        if (!observations.intact()) {
            throw new IllegalStateException("runner left no whole observations.json: " + observations.damageNote().orElse(""));
        }
        double runner = observations.wallMillis() / 1000.0;
        MicroRun.say(String.format("runner, %d examples: %.1f s (runner %.1f s)", examples, wall, runner));
        return new ExampleRun(examples, wall, runner);
    }
}
