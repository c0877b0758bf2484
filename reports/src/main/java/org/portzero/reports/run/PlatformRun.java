package org.portzero.reports.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.portzero.model.Gate;
import org.portzero.model.Observations;
import org.portzero.model.RecordedResult;
import org.portzero.model.RunLayout;
import org.portzero.model.RunRecord;

/**
 * One platform's run as read from its run directory: the platform facts, the harness's run
 * record, and every result that could be read. A run is broken when the directory lacks a
 * readable {@code observations.json} (missing, truncated, malformed) or the platform matrix
 * recorded it as broken; the results read before the damage are kept.
 *
 * @param id           the platform id (the run directory's name)
 * @param directory    the run directory
 * @param facts        platform.json, or a missing node
 * @param runRecord    run.json written by the platform matrix, when there is one
 * @param observations observations.json as far as it could be read
 * @param brokenNote   why the run is broken, when it is
 */
public record PlatformRun(
        String id,
        Path directory,
        JsonNode facts,
        Optional<RunRecord> runRecord,
        Observations observations,
        Optional<String> brokenNote) {

    public boolean broken() {
        return brokenNote.isPresent();
    }

    /** This run as the {@link Gate} sees it. */
    public Gate.Platform forGate() {
        return new Gate.Platform(id, brokenNote, observations.results());
    }

    /** Every result read, in file order. */
    public List<RecordedResult> results() {
        return observations.results();
    }

    /** A fact from platform.json as text, or empty. */
    public String fact(String name) {
        JsonNode node = facts.path(name);
        return node.isMissingNode() || node.isNull() ? "" : node.asText();
    }

    /** The harness version from observations.json, or empty. */
    public String harnessVersion() {
        return observations.harnessVersion();
    }

    /** The platform's description from run.json, or empty; a kernel platform's adds how QEMU ran its guest. */
    public String description() {
        return runRecord.map(r -> r.description() + (r.accelerator() == null ? "" : " · QEMU " + r.accelerator()))
                .orElse("");
    }

    /** The run directory's allure-results folder. */
    public Path allureResults() {
        return new RunLayout(directory).allureResults();
    }

    static JsonNode missing() {
        return MissingNode.getInstance();
    }
}
