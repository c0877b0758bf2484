package org.portzero.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.portzero.model.Family;
import org.portzero.model.FamilyProgress;
import org.portzero.model.ObservationsFile;
import org.portzero.model.RunLayout;

/**
 * The runner against its own floor: how many socket calls the host runner makes (counted by
 * {@code strace -f -c}, per family and for the whole catalogue), how long the C reference loop
 * takes to make the same calls ({@code portzero_reference mix}), and how long the runner takes
 * (its own {@code wallMillis} and each family's time, without strace). Runner and floor run in
 * turn, round by round, so a drift in the machine's speed moves both.
 *
 * <p>Every run uses one seed ({@link #SEED}), so the properties draw the same examples each time
 * and every round does the same work.
 *
 * @param out       where the counted and the timed runs write
 * @param runnerJar the runner jar to count and time
 * @param reference the compiled C reference loop
 */
record KernelFloor(Path out, Path runnerJar, ReferenceLoop reference) {

    /** The property seed of every run: the same crowds each round, counted and timed alike. */
    static final long SEED = 18;
    /** The name of the whole-catalogue row. */
    static final String WHOLE = "whole catalogue";

    /** One family (or the whole catalogue): its calls, the runner's seconds and the floor's, per round. */
    record FamilyFloor(String family, SyscallCount calls, List<Double> runnerSeconds, List<Double> floorSeconds) {
    }

    /**
     * The calls of the whole catalogue and of every family alone (one counted run each), then
     * {@code rounds} of: the whole catalogue without strace (its {@code wallMillis}, and each
     * family's own time from its {@code family finished} line), and the C loop for each count.
     * A family is timed inside the whole run, as it runs there, not in a runner of its own whose
     * start-up would swamp a small family.
     */
    List<FamilyFloor> measure(int rounds) throws IOException, InterruptedException {
        Map<String, SyscallCount> calls = new LinkedHashMap<>();
        calls.put(WHOLE, count(out.resolve("strace").resolve("whole"), List.of()));
        for (Family f : Family.values()) {
            calls.put(f.id(), count(out.resolve("strace").resolve(f.id()), List.of("--families", f.id())));
        }
        Map<String, List<Double>> runner = new LinkedHashMap<>();
        Map<String, List<Double>> floor = new LinkedHashMap<>();
        calls.keySet().forEach(k -> {
            runner.put(k, new ArrayList<>());
            floor.put(k, new ArrayList<>());
        });
        for (int r = 1; r <= rounds; r++) {
            Path dir = out.resolve("runs").resolve("whole-" + r);
            run(runner(dir, List.of()), dir);
            runner.get(WHOLE).add(ObservationsFile.read(new RunLayout(dir).observations()).wallMillis() / 1000.0);
            for (String line : Files.readAllLines(new RunLayout(dir).consoleLog())) {
                FamilyProgress.parse(line).ifPresent(p -> runner.get(p.family().id()).add(p.millis() / 1000.0));
            }
            for (Map.Entry<String, SyscallCount> c : calls.entrySet()) {
                floor.get(c.getKey()).add(floorSeconds(c.getValue()));
            }
        }
        List<FamilyFloor> all = new ArrayList<>();
        for (String k : calls.keySet()) {
            MicroRun.say(String.format(java.util.Locale.ROOT, "floor, %s: %s; runner %s s, floor %s s",
                    k, calls.get(k).asMap(), runner.get(k), floor.get(k)));
            all.add(new FamilyFloor(k, calls.get(k), runner.get(k), floor.get(k)));
        }
        return all;
    }

    /** The C loop making the five floor calls as often as the runner made them. */
    private double floorSeconds(SyscallCount calls) throws IOException, InterruptedException {
        if (calls.of("socket") == 0) {
            return 0;
        }
        return reference.run("mix", "1", String.valueOf(calls.of("socket")), String.valueOf(calls.of("bind")),
                String.valueOf(calls.of("getsockname")), String.valueOf(calls.of("setsockopt"))).get(0) / 1e9;
    }

    /** The runner under {@code strace -f -c}, counting only the socket calls (seccomp keeps the rest untraced). */
    private SyscallCount count(Path dir, List<String> selection) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path summary = dir.resolve("strace-c.txt");
        List<String> command = new ArrayList<>(List.of("strace", "-f", "-c", "--seccomp-bpf",
                "-e", "trace=" + String.join(",", SyscallCount.COUNTED), "-o", summary.toString()));
        command.addAll(runner(dir.resolve("run"), selection));
        run(command, dir.resolve("run"));
        return SyscallCount.parse(Files.readString(summary));
    }

    private List<String> runner(Path dir, List<String> selection) {
        // As the matrix runs it: the runner's own VM options first.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(org.portzero.model.RunnerSettings.RUNNER_VM_OPTIONS);
        command.addAll(List.of("-jar", runnerJar.toString(), "--out", dir.toString(), "--seed", String.valueOf(SEED)));
        command.addAll(selection);
        return command;
    }

    private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path log = new RunLayout(dir).consoleLog();
        int exit = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(command + " exited " + exit + "; see " + log);
        }
    }

    /** Whether {@code strace} is on the PATH: without it the floor part is left out, with a note. */
    static boolean straceAvailable() {
        try {
            return new ProcessBuilder("strace", "-V").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** The figures as performance.json holds them. */
    static Map<String, Object> json(FamilyFloor f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("family", f.family());
        m.put("calls", f.calls().asMap());
        m.put("runnerSeconds", f.runnerSeconds());
        m.put("floorSeconds", f.floorSeconds());
        return m;
    }
}
