package org.portzero.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The C reference loop ({@code src/main/c/portzero_reference.c}): compiled with gcc -O2 when gcc
 * is on the PATH, else absent with a note, and run in the benchmark's network namespace.
 */
final class ReferenceLoop {

    private final Path binary;

    private ReferenceLoop(Path binary) {
        this.binary = binary;
    }

    /** Compiles the source into {@code dir}; empty (and a note on stderr) when gcc is missing or fails. */
    static Optional<ReferenceLoop> compile(Path source, Path dir) throws IOException, InterruptedException {
        Path binary = dir.resolve("portzero_reference");
        Files.createDirectories(dir);
        ProcessBuilder gcc = new ProcessBuilder("gcc", "-O2", "-o", binary.toString(), source.toString())
                .redirectErrorStream(true);
        Process p;
        try {
            p = gcc.start();
        } catch (IOException e) {
            System.err.println("note: no gcc on the PATH, so no C reference loop; layers are reported without ratios");
            return Optional.empty();
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            System.err.println("note: gcc failed, so no C reference loop:\n" + output);
            return Optional.empty();
        }
        return Optional.of(new ReferenceLoop(binary));
    }

    /** Runs one mode; returns the figure of each round (ns per op, or ns per exhaustion). */
    List<Double> run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("reference loop " + command + " failed:\n" + output);
        }
        List<Double> figures = new ArrayList<>();
        for (String line : output.strip().split("\n")) {
            figures.add(Double.parseDouble(line.split(" ")[1]));
        }
        return figures;
    }
}
