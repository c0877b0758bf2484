package org.portzero.containers.run;

import org.portzero.containers.platform.DeclaredFacts;
import org.portzero.model.Gate;
import org.portzero.model.PlatformFacts;
import org.portzero.model.RunRecord;
import org.portzero.model.RunStatus;

import java.util.Map;
import java.util.Optional;

/**
 * The record of one platform run, written beside its results as {@code run.json}.
 *
 * @param platform       the platform id (names {@code runs/<id>/})
 * @param kind           {@code host} or {@code container}
 * @param description    what the platform is
 * @param image          the image tag, for container platforms
 * @param status         how the run ended
 * @param note           why it broke or was skipped; empty otherwise
 * @param exitCode       the runner's exit code, when it ran
 * @param wallMillis     start (container create, or process start) → results copied out
 * @param tally          the verdict counts, when observations.json was produced
 * @param phaseMillis    where the wall time went, phase by phase (container platforms)
 * @param accelerator    for a kernel platform, how QEMU ran the guest ({@code kvm}, or {@code tcg (why)})
 */
public record RunOutcome(
        String platform,
        String kind,
        String description,
        Optional<String> image,
        RunStatus status,
        String note,
        Optional<Integer> exitCode,
        long wallMillis,
        Optional<VerdictTally> tally,
        Map<String, Long> phaseMillis,
        Optional<String> accelerator) {

    public RunOutcome {
        phaseMillis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phaseMillis));
    }

    public RunOutcome(String platform, String kind, String description, Optional<String> image, RunStatus status,
                      String note, Optional<Integer> exitCode, long wallMillis, Optional<VerdictTally> tally,
                      Map<String, Long> phaseMillis) {
        this(platform, kind, description, image, status, note, exitCode, wallMillis, tally, phaseMillis, Optional.empty());
    }

    public RunOutcome(String platform, String kind, String description, Optional<String> image, RunStatus status,
                      String note, Optional<Integer> exitCode, long wallMillis, Optional<VerdictTally> tally) {
        this(platform, kind, description, image, status, note, exitCode, wallMillis, tally, Map.of());
    }

    /** The same outcome with its phase timings. */
    public RunOutcome withPhases(Map<String, Long> phases) {
        return new RunOutcome(platform, kind, description, image, status, note, exitCode, wallMillis, tally, phases,
                accelerator);
    }

    /** The same outcome with the accelerator its kernel guest ran under. */
    public RunOutcome withAccelerator(Optional<String> used) {
        return new RunOutcome(platform, kind, description, image, status, note, exitCode, wallMillis, tally, phaseMillis,
                used);
    }

    public static RunOutcome skipped(String platform, String kind, String description, String note) {
        return new RunOutcome(platform, kind, description, Optional.empty(), RunStatus.SKIPPED, note,
                Optional.empty(), 0, Optional.empty());
    }

    public static RunOutcome broken(String platform, String kind, String description, String note) {
        return new RunOutcome(platform, kind, description, Optional.empty(), RunStatus.BROKEN, note,
                Optional.empty(), 0, Optional.empty());
    }

    /** The harness's own time: wall time minus the runner's {@code wallMillis}. */
    public Optional<Long> overheadMillis() {
        return tally.map(t -> Math.max(0, wallMillis - t.wallMillis()));
    }

    /** The outcome as {@code run.json} and {@code platform-runs.json} record it. */
    public RunRecord record() {
        return new RunRecord(RunRecord.SCHEMA_VERSION, platform, kind, description, image.orElse(null), status, note,
                exitCode.orElse(null), wallMillis, tally.map(VerdictTally::wallMillis).orElse(null),
                overheadMillis().orElse(null), phaseMillis, tally.map(VerdictTally::counts).orElse(Map.of()),
                accelerator.orElse(null));
    }

    /** This run as the {@link Gate} sees it: broken with its note, and every result. */
    public Gate.Platform forGate() {
        return new Gate.Platform(platform, status == RunStatus.BROKEN ? Optional.of(note) : Optional.empty(),
                tally.map(VerdictTally::results).orElse(java.util.List.of()));
    }

    /**
     * The outcome of a run that completed, held to what it must have recorded: the checks it listed
     * ({@link VerdictTally#gaps()}) and the facts its platform declares. Anything missing makes it
     * broken, with each missing thing named; any other outcome is returned as it is.
     */
    public RunOutcome heldTo(DeclaredFacts declared, Optional<PlatformFacts> facts) {
        if (status != RunStatus.COMPLETED) {
            return this;
        }
        java.util.List<String> missing = new java.util.ArrayList<>(tally.map(VerdictTally::gaps).orElse(java.util.List.of()));
        if (facts.isEmpty()) {
            missing.add("no readable platform.json: the declared facts cannot be confirmed");
        }
        facts.ifPresent(f -> declared.unmetBy(f).forEach(u -> missing.add("declared fact missing: " + u)));
        if (missing.isEmpty()) {
            return this;
        }
        return new RunOutcome(platform, kind, description, image, RunStatus.BROKEN, String.join("; ", missing), exitCode,
                wallMillis, tally, phaseMillis, accelerator);
    }
}
