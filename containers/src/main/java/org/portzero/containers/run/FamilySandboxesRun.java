package org.portzero.containers.run;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.portzero.containers.platform.DeclaredFacts;
import org.portzero.containers.platform.PlatformDefinition;
import org.portzero.model.CheckSelection;
import org.portzero.model.Family;
import org.portzero.model.FamilyPlan;
import org.portzero.model.Observations;
import org.portzero.model.ObservationsFile;
import org.portzero.model.ObservationsHeader;
import org.portzero.model.RecordedResult;
import org.portzero.model.RunLayout;
import org.portzero.model.RunStatus;
import org.portzero.model.RunnerProperty;
import org.portzero.model.RunnerSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A platform whose runtime can die under the runner ({@link
 * org.portzero.containers.platform.ContainerRuntime#sandboxPerFamily()}, gVisor): each family runs
 * in a container, and so a sandbox, of its own, one after the other, in
 * {@code runs/<id>/sandboxes/<family>/}. The run directory is then put together as if one runner
 * had run them all: {@code observations.json} (results in family order, the headers merged),
 * {@code platform.json}, {@code allure-results/}, {@code junit/} and {@code console.log}.
 *
 * <p>A family whose sandbox ended without {@code observations.json} keeps what its runner had
 * listed ({@link RunLayout#LISTED}): every check a {@code broken} result quoting why the sandbox
 * ended (the sentry's panic line, when its log has one). A sandbox that ended before its family
 * listed anything leaves a family that could not list its checks, which breaks the platform with
 * that cause. Either way the other families keep every result.
 */
public final class FamilySandboxesRun implements PlatformExecution {

    /** Where the sandboxes' own run directories go, inside the platform's. */
    public static final String SANDBOXES = "sandboxes";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The platform's run as one container would make it; each sandbox is its run of one family. */
    private final ContainerRun whole;

    public FamilySandboxesRun(ContainerRun whole) {
        this.whole = whole;
    }

    @Override
    public String platformId() {
        return whole.platformId();
    }

    /** One family's sandbox: where it wrote, and how it ended. */
    record Sandbox(Family family, RunOutput output, RunOutcome outcome) {
        /** Whether its runner lived to write its results (observations.json); its sandbox may still have been judged broken. */
        boolean wroteResults() {
            return Files.isRegularFile(output.observations());
        }
    }

    @Override
    public RunOutcome run() {
        PlatformDefinition platform = whole.platform();
        RunOutput directory = whole.directory();
        HarnessContainers containers = whole.containers();
        List<Family> families = families(platform, whole.runner());
        if (families.isEmpty()) {
            // Nothing this platform offers is selected: one runner says so, as on any platform.
            return whole.run();
        }
        long start = System.nanoTime();
        directory.clean();
        directory.appendToConsole("runtime " + platform.runtime().id() + " (" + platform.runtime().stack()
                + "): one sandbox per family, " + families.size() + " families: "
                + families.stream().map(Family::id).collect(Collectors.joining(", ")));
        Map<String, Long> phases = new LinkedHashMap<>();
        List<Sandbox> sandboxes = new ArrayList<>();
        for (Family family : families) {
            if (containers.stopping()) {
                break;
            }
            RunOutput own = new RunOutput(directory.path().resolve(SANDBOXES).resolve(family.id()));
            RunOutcome outcome = whole.of(family, own).run();
            outcome.phaseMillis().forEach((phase, millis) -> phases.merge(phase, millis, Long::sum));
            Sandbox sandbox = new Sandbox(family, own, outcome);
            sandboxes.add(sandbox);
            relayConsole(sandbox, directory);
        }
        if (containers.stopping()) {
            RunOutcome interrupted = RunOutcome.broken(platform.id(), "container", platform.description(),
                    "interrupted: the harness was stopped while family sandboxes ran (their own runs are in "
                            + SANDBOXES + "/)");
            directory.appendToConsole(interrupted.note());
            directory.writeRecord(interrupted);
            return interrupted;
        }
        try {
            assemble(directory, sandboxes);
        } catch (IOException | UncheckedIOException e) {
            return directory.finish(new RunOutcome(platform.id(), "container", platform.description(),
                    Optional.of(whole.imageTag()), RunStatus.BROKEN, "could not put the sandboxes' results together: " + e.getMessage(),
                    Optional.empty(), millisSince(start), Optional.empty(), phases), DeclaredFacts.of(platform));
        }
        List<String> ended = sandboxes.stream().filter(s -> !s.wroteResults())
                .map(s -> s.family().id() + ": " + s.outcome().note()).toList();
        String note = ended.isEmpty() ? "" : ended.size() + " of " + sandboxes.size()
                + " family sandbox(es) ended without their results; " + String.join("; ", ended);
        Optional<VerdictTally> tally = directory.tally();
        Optional<Integer> exit = sandboxes.stream().map(s -> s.outcome().exitCode().orElse(-1)).filter(c -> c != 0)
                .findFirst().or(() -> Optional.of(0));
        RunOutcome outcome = new RunOutcome(platform.id(), "container", platform.description(), Optional.of(whole.imageTag()),
                tally.isPresent() ? RunStatus.COMPLETED : RunStatus.BROKEN, note, exit, millisSince(start), tally, phases);
        return directory.finish(outcome, DeclaredFacts.of(platform));
    }

    /**
     * The families to run, in catalogue order: those the platform offers (all when it names none) that
     * {@code -Dportzero.families} and {@code -Dportzero.checks} also reach, as the runner would intersect them.
     */
    static List<Family> families(PlatformDefinition platform, RunnerSettings runner) {
        Set<Family> offered = platform.families().isEmpty() ? Set.of(Family.values())
                : platform.families().stream().map(Family::of).collect(Collectors.toSet());
        String asked = runner.forwarded().get(RunnerProperty.FAMILIES);
        Set<Family> named = asked == null || asked.isBlank() ? Set.of(Family.values())
                : Arrays.stream(asked.split(",")).map(String::strip).map(Family::of).collect(Collectors.toSet());
        Set<Family> reached = CheckSelection.of(runner.forwarded().get(RunnerProperty.CHECKS)).families();
        return Arrays.stream(Family.values())
                .filter(offered::contains).filter(named::contains).filter(reached::contains).toList();
    }

    /** The sandbox's console, appended to the platform's as it ends (the live progress follows that file). */
    private static void relayConsole(Sandbox sandbox, RunOutput directory) {
        StringBuilder text = new StringBuilder("sandbox " + sandbox.family().id() + ": "
                + (sandbox.wroteResults() ? "results written" : "ended without results: " + sandbox.outcome().note())
                + " after " + sandbox.outcome().wallMillis() + " ms");
        try {
            Path log = sandbox.output().consoleLog();
            if (Files.isRegularFile(log)) {
                text.append(System.lineSeparator()).append(Files.readString(log).stripTrailing());
            }
        } catch (IOException e) {
            text.append(" (its console.log is unreadable: ").append(e.getMessage()).append(')');
        }
        directory.appendToConsole(text.toString());
    }

    /** Writes the platform's observations.json, platform.json, allure-results/ and junit/ from the sandboxes'. */
    static void assemble(RunOutput directory, List<Sandbox> sandboxes) throws IOException {
        RunLayout layout = directory.layout();
        Files.createDirectories(layout.allureResults());
        Files.createDirectories(layout.junit());
        List<JsonNode> results = new ArrayList<>();
        List<FamilyPlan> catalogue = new ArrayList<>();
        Map<String, Map<String, List<String>>> reach = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> descriptors = new LinkedHashMap<>();
        String harnessVersion = "";
        String finishedAt = null;
        long runnerMillis = 0;
        for (Sandbox sandbox : sandboxes) {
            RunLayout own = sandbox.output().layout();
            if (!Files.isRegularFile(layout.facts()) && Files.isRegularFile(own.facts())) {
                Files.copy(own.facts(), layout.facts());
            }
            moveAll(own.allureResults(), layout.allureResults(), "");
            moveAll(own.junit(), layout.junit(), sandbox.family().id() + "-");
            // A whole observations.json is taken as the runner wrote it, whatever its sandbox's own verdict
            // (a family of skips alone is "nothing judged" there, not here): the merged file is judged again.
            Observations read = ObservationsFile.read(own.observations());
            if (read.intact()) {
                read.results().forEach(r -> results.add(r.json()));
                read.catalogue().ifPresent(catalogue::addAll);
                reach.putAll(JSON.convertValue(read.header().path("generatorReach"), new TypeReference<>() { }));
                descriptors.putAll(JSON.convertValue(read.header().path("openDescriptors"), new TypeReference<>() { }));
                harnessVersion = read.harnessVersion();
                finishedAt = read.finishedAt();
                runnerMillis += read.wallMillis();
                continue;
            }
            // The sandbox ended without its results: what its runner had listed is all there is.
            String cause = "the family's sandbox ended before this check did: " + sandbox.outcome().note();
            Observations listed = ObservationsFile.read(own.listed());
            Optional<FamilyPlan> plan = listed.intact() ? listed.catalogue().flatMap(plans -> plans.stream()
                    .filter(p -> p.family() == sandbox.family()).findFirst()) : Optional.empty();
            if (plan.isEmpty()) {
                catalogue.add(FamilyPlan.unlisted(sandbox.family(),
                        "its sandbox ended before it listed its checks: " + sandbox.outcome().note()));
                continue;
            }
            catalogue.add(plan.get());
            for (RecordedResult pending : listed.results()) {
                ObjectNode broken = ((ObjectNode) pending.json()).deepCopy();   // the reports give it its Allure result
                broken.put("message", cause);
                results.add(broken);
            }
        }
        ObservationsFile.write(layout.observations(), new ObservationsHeader(ObservationsFile.SCHEMA_VERSION,
                harnessVersion, finishedAt, runnerMillis, sandboxes.stream().map(Sandbox::family).toList(), reach,
                descriptors, catalogue), results);
    }

    /** Moves every file of {@code from} into {@code to}, each name given {@code prefix}. */
    private static void moveAll(Path from, Path to, String prefix) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.move(file, to.resolve(prefix + file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
