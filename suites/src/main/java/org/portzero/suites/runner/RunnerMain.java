package org.portzero.suites.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import org.portzero.model.Family;
import org.portzero.model.HarnessVersion;
import org.portzero.model.ObservationsFile;
import org.portzero.model.ObservationsHeader;
import org.portzero.model.RunLayout;
import org.portzero.model.RunnerProperty;
import org.portzero.model.Verdict;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.CatalogueSuite;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.catalogue.CheckExecution;
import org.portzero.suites.catalogue.ResultLog;
import org.portzero.suites.verdict.CheckResult;

/**
 * {@code java -jar portzero-suites-runner.jar --out DIR [--families f1,f2]} ({@link RunCommand}): runs the catalogue
 * (narrowed by {@code -Dportzero.families} and {@code -Dportzero.checks}, see {@link RunnerProperty})
 * through the JUnit Platform Launcher and writes {@code DIR/allure-results/}, {@code DIR/junit/},
 * {@code DIR/observations.json} and {@code DIR/platform.json}. Exits 0 when it ran, whatever the
 * verdicts; 2 on bad arguments or a check selection that matches nothing; 1 when it could not run.
 */
public final class RunnerMain {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunnerMain() {
    }

    /** The runner jar's entry point: {@link RunCommand}, whose exit code it exits with. */
    public static void main(String[] args) {
        System.exit(RunCommand.commandLine().execute(args));
    }

    /** Runs the {@code families} (narrowed further by {@code -Dportzero.checks}); returns every result. */
    static List<CheckResult> run(RunnerOptions options, List<Family> families) throws IOException {
        RunLayout layout = new RunLayout(options.out());
        Files.createDirectories(layout.junit());
        Path allure = Files.createDirectories(layout.allureResults());
        System.setProperty("allure.results.directory", allure.toString());
        System.setProperty(CatalogueSuite.FAMILIES, families.stream().map(Family::id).collect(Collectors.joining(",")));

        long start = System.nanoTime();
        Bench bench = Bench.current();
        JSON.writeValue(layout.facts().toFile(), bench.facts());
        System.out.printf("portzero: kernel %s, %s %s, port range %s, reserved %s, IPv6 %s, uid %d%n",
                bench.facts().kernel(), bench.facts().javaVendor(), bench.facts().javaVersion(),
                bench.facts().portRange(), bench.facts().reservedPorts(),
                bench.facts().ipv6Usable() ? "yes" : "no", bench.facts().uid());

        // If this process (or its whole sandbox) dies, what it listed is left as broken results.
        ResultLog.onListing(() -> checkpoint(layout, families));

        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(CatalogueSuite.class));
        LauncherDiscoveryRequest discovery = request.build();
        // Before the launcher: its Allure listener takes the lifecycle there is when it is made.
        io.qameta.allure.Allure.setLifecycle(new io.qameta.allure.AllureLifecycle(new ResultsWithoutContainers(allure)));
        Launcher launcher = LauncherFactory.create();
        DescriptorCount descriptors = new DescriptorCount();
        TestOutcomes outcomes = new TestOutcomes();
        launcher.execute(discovery, new LegacyXmlReportGeneratingListener(layout.junit(),
                new PrintWriter(System.err, true)), descriptors, outcomes, new FamilyProgressLine(System.out));

        // A listed check always ends with a result: one that left none is broken, with JUnit's word on it.
        for (Check check : ResultLog.withoutResult()) {
            ResultLog.add(CheckExecution.withoutResult(check, outcomes.causeFor(check.id().toString())));
        }
        long wallMillis = (System.nanoTime() - start) / 1_000_000;
        List<CheckResult> results = ResultLog.all();
        ObservationsFile.write(layout.observations(), new ObservationsHeader(ObservationsFile.SCHEMA_VERSION,
                harnessVersion(), Instant.now().toString(), wallMillis, families,
                generatorReach(results), descriptors.counts(), ResultLog.plans()), results);
        Files.deleteIfExists(layout.listed());
        printSummary(results, wallMillis);
        descriptors.leaks().forEach((f, n) -> System.out.println("portzero: WARNING family " + f + " left " + n
                + " more file descriptors open than it found (tolerance " + DescriptorCount.TOLERANCE + ")"));
        return results;
    }

    /**
     * Writes {@code listed.json}: every listed check without a result yet, as the broken result it
     * keeps if the run never reaches it. Written to a temporary file and moved, so a reader never
     * sees half of it.
     */
    private static void checkpoint(RunLayout layout, List<Family> families) {
        List<CheckResult> pending = ResultLog.withoutResult().stream()
                .map(check -> CheckExecution.withoutResult(check, LEFT_UNFINISHED)).toList();
        try {
            Path partial = layout.listed().resolveSibling(RunLayout.LISTED + ".part");
            ObservationsFile.write(partial, new ObservationsHeader(ObservationsFile.SCHEMA_VERSION, harnessVersion(),
                    null, 0, families, Map.of(), Map.of(), ResultLog.plans()), pending);
            Files.move(partial, layout.listed(), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("portzero: could not write " + layout.listed() + ": " + e.getMessage());
        }
    }

    /** The cause a checkpointed result carries until its check ends; a harness that knows better replaces the message. */
    private static final String LEFT_UNFINISHED = "the runner stopped before this check ended";

    /** family → layer → the kinds (socket shapes, call kinds) the properties generated. */
    private static Map<String, Map<String, List<String>>> generatorReach(List<CheckResult> results) {
        Map<String, Map<String, java.util.TreeSet<String>>> reach = new TreeMap<>();
        for (CheckResult r : results) {
            if (r.generated() != null) {
                reach.computeIfAbsent(r.family(), k -> new TreeMap<>())
                        .computeIfAbsent(r.layer(), k -> new java.util.TreeSet<>()).addAll(r.generated().keySet());
            }
        }
        Map<String, Map<String, List<String>>> out = new TreeMap<>();
        reach.forEach((f, layers) -> layers.forEach((l, kinds) ->
                out.computeIfAbsent(f, k -> new TreeMap<>()).put(l, List.copyOf(kinds))));
        return out;
    }

    private static void printSummary(List<CheckResult> results, long wallMillis) {
        Map<String, Map<Verdict, Integer>> byFamily = new TreeMap<>();
        for (CheckResult r : results) {
            byFamily.computeIfAbsent(r.family() + " [" + r.layer() + "]", k -> new TreeMap<>())
                    .merge(r.verdict(), 1, Integer::sum);
        }
        byFamily.forEach((k, v) -> System.out.printf("portzero: %-22s %s%n", k, v));
        List<String> bad = new ArrayList<>();
        for (CheckResult r : results) {
            if (r.verdict().failsTheGate() || r.verdict() == Verdict.FLAKY) {
                bad.add(r.verdict().id() + " " + r.id() + ": " + firstLine(r.message()));
            }
        }
        bad.forEach(b -> System.out.println("portzero: " + b));
        Map<Verdict, Long> total = results.stream()
                .collect(Collectors.groupingBy(CheckResult::verdict, TreeMap::new, Collectors.counting()));
        System.out.printf("portzero: %d checks in %.1f s: %s%n", results.size(), wallMillis / 1000.0, total);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    private static String harnessVersion() {
        return HarnessVersion.of(RunnerMain.class);
    }
}
