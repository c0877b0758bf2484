package org.portzero.reports.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.portzero.model.Family;
import org.portzero.model.KernelAnswer;
import org.portzero.model.RecordedResult;
import org.portzero.model.Verdict;
import org.portzero.reports.run.PlatformRun;

/**
 * The comparison matrix: rows = check ids grouped by family, columns = platforms, cells = the
 * suites' verdict and the observed outcome in short form. This record is exactly what
 * {@code matrix.json} holds (schema {@value #SCHEMA}, version {@value #SCHEMA_VERSION}).
 *
 * @param schema        always {@value #SCHEMA}
 * @param schemaVersion {@value #SCHEMA_VERSION}; bumped on any incompatible change
 * @param generatedAt   when the matrix was made (ISO-8601)
 * @param platforms     the columns, in run order
 * @param families      the families, in catalogue order
 * @param rows          the rows, grouped by family, in catalogue order within a family
 */
public record Matrix(
        String schema,
        int schemaVersion,
        String generatedAt,
        List<PlatformColumn> platforms,
        List<String> families,
        List<MatrixRow> rows) {

    public static final String SCHEMA = "portzero.matrix";
    public static final int SCHEMA_VERSION = 1;

    /** Builds the matrix of the given runs; a broken run keeps the results it has. */
    public static Matrix of(List<PlatformRun> runs, Instant generatedAt) {
        List<PlatformColumn> columns = runs.stream().map(Matrix::column).toList();
        Map<String, Map<String, MatrixCell>> cellsById = new LinkedHashMap<>();
        Map<String, RecordedResult> firstSeen = new LinkedHashMap<>();
        for (PlatformRun run : runs) {
            int low = run.facts().path("portRange").path("low").asInt(0);
            int high = run.facts().path("portRange").path("high").asInt(0);
            for (RecordedResult result : run.results()) {
                String id = result.id().toString();
                firstSeen.putIfAbsent(id, result);
                cellsById.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(run.id(), cell(result, low, high));
            }
        }
        // Families in their registration order (the mission's five first), rows in run order within one.
        List<Family> present = firstSeen.values().stream().map(RecordedResult::family).distinct().sorted().toList();
        List<String> families = present.stream().map(Family::id).toList();
        List<MatrixRow> rows = new ArrayList<>();
        for (Family family : present) {
            firstSeen.forEach((id, r) -> {
                if (r.family() == family) {
                    Map<String, MatrixCell> cells = cellsById.get(id);
                    rows.add(new MatrixRow(id, family.id(), r.id().variant(), r.id().check(), r.layer(),
                            disagree(cells), cells));
                }
            });
        }
        return new Matrix(SCHEMA, SCHEMA_VERSION, generatedAt.toString(), columns, families, rows);
    }

    public List<MatrixRow> rowsOf(String family) {
        return rows.stream().filter(r -> r.family().equals(family)).toList();
    }

    public long disagreements() {
        return rows.stream().filter(MatrixRow::disagree).count();
    }

    /**
     * Whether the platforms that ran the check saw different things: another verdict or another
     * outcome; figures (how many sockets, which window) never count. A skip is a platform without
     * the precondition (no IPv6, a root runner), not a different behaviour: it does not count.
     */
    private static boolean disagree(Map<String, MatrixCell> cells) {
        Set<String> seen = new HashSet<>();
        cells.values().stream().filter(c -> c.verdict() != Verdict.SKIP)
                .forEach(c -> seen.add(c.verdict() + "\u0000" + c.comparedOutcome()));
        return seen.size() > 1;
    }

    private static MatrixCell cell(RecordedResult result, int low, int high) {
        JsonNode r = result.json();
        String observed = text(r, "observed");
        String message = text(r, "message");
        return new MatrixCell(result.verdict(), OutcomeForm.of(observed, message, low, high),
                observed, text(r, "expected"), message, text(r, "reason"), text(r, "link"), text(r, "seed"),
                text(r, "figures"));
    }

    private static PlatformColumn column(PlatformRun run) {
        JsonNode f = run.facts();
        Map<String, String> settings = new LinkedHashMap<>();
        // Whose TCP/IP stack the column is (linux, gvisor), as the platform announced it.
        putFact(settings, "network_stack", f, "networkStack");
        if (f.has("portRange")) {
            settings.put("ip_local_port_range", f.path("portRange").path("low").asText() + "-"
                    + f.path("portRange").path("high").asText());
        }
        putFact(settings, "ip_local_reserved_ports", f, "reservedPorts");
        putFact(settings, "ip_unprivileged_port_start", f, "unprivilegedPortStart");
        putFact(settings, "bindv6only", f, "bindV6Only");
        putFact(settings, "ipv6", f, "ipv6Available");
        putFact(settings, "ipv6_loopback", f, "ipv6Loopback");
        putFact(settings, "uid", f, "uid");
        if (f.path("mptcp").isObject()) {
            // The kernel's own answer to socket(…, IPPROTO_MPTCP): why MPTCP rows ran or skipped.
            settings.put("mptcp", kernelAnswer(f.path("mptcp")).toString());
        }
        f.path("javaNetProperties").fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
        Map<String, Integer> summary = new LinkedHashMap<>();
        Verdict.ids().forEach(v -> summary.put(v, 0));
        run.results().forEach(r -> summary.merge(r.verdict().id(), 1, Integer::sum));
        summary.put("total", run.results().size());
        String jdk = (run.fact("javaVendor") + " " + run.fact("javaVersion")).strip();
        return new PlatformColumn(run.id(), run.broken() ? "broken" : "ran", run.brokenNote().orElse(""),
                run.fact("kernel"), jdk, run.fact("javaVmVersion"), run.fact("distro"),
                run.description(), settings, run.harnessVersion(), run.observations().finishedAt(), summary);
    }

    private static KernelAnswer kernelAnswer(JsonNode node) {
        return new KernelAnswer(node.path("call").asText(), text(node, "refusal"));
    }

    private static void putFact(Map<String, String> settings, String name, JsonNode facts, String field) {
        JsonNode v = facts.path(field);
        if (!v.isMissingNode() && !v.isNull()) {
            settings.put(name, v.asText().isEmpty() ? "(none)" : v.asText());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }
}
