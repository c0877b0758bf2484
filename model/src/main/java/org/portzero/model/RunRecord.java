package org.portzero.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code run.json}: how one platform's run ended, written by the platform matrix beside the
 * runner's files, and listed again in {@code platform-runs.json}.
 *
 * <p>Schema 2 spells verdict counts as every other file does ({@code "pass": 180}); schema 1
 * spelled them in capitals ({@code "PASS": 180}). Both are read: {@link Verdict}'s creator takes
 * either spelling, for keys too.
 *
 * @param schemaVersion    {@link #SCHEMA_VERSION} when written
 * @param platform         the platform id
 * @param kind             {@code host} or {@code container}
 * @param description      what the platform is
 * @param image            the image tag, for container platforms
 * @param status           how the run ended
 * @param note             why it broke or was skipped; empty otherwise
 * @param exitCode         the runner's exit code, when it ran
 * @param wallMillis       start (container create, or process start) → results copied out
 * @param runnerWallMillis the runner's own wall time, from observations.json
 * @param overheadMillis   the harness's own time: wall time minus the runner's
 * @param phaseMillis      where the wall time went, phase by phase
 * @param verdicts         verdict → number of results
 * @param accelerator      for a kernel platform, how QEMU ran the guest: {@code kvm}, or {@code tcg (why)}; else null
 */
@JsonPropertyOrder({"schemaVersion", "platform", "kind", "description", "image", "status", "note", "exitCode",
        "wallMillis", "runnerWallMillis", "overheadMillis", "phaseMillis", "verdicts", "accelerator"})
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RunRecord(int schemaVersion, String platform, String kind, String description, String image,
                        RunStatus status, String note, Integer exitCode, long wallMillis, Long runnerWallMillis,
                        Long overheadMillis, Map<String, Long> phaseMillis, Map<Verdict, Integer> verdicts,
                        String accelerator) {

    public static final int SCHEMA_VERSION = 2;

    public RunRecord {
        note = note == null ? "" : note;
        phaseMillis = phaseMillis == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(phaseMillis));
        EnumMap<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        if (verdicts != null) {
            counts.putAll(verdicts);
        }
        verdicts = Collections.unmodifiableMap(counts);
    }

    public boolean broken() {
        return status == RunStatus.BROKEN;
    }
}
