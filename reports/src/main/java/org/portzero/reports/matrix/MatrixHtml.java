package org.portzero.reports.matrix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.portzero.model.Verdict;
import org.portzero.reports.run.PlatformRun;

/**
 * {@code matrix.html}: one static, self-contained page (no network: CSS, script and data are
 * inline). The table is rendered here, so it reads without script; the inline script adds the
 * filters (rows where platforms disagree, rows with a failing cell, text) and opens a cell's
 * full result — every recorded socket call — in a dialog, from the observations embedded as JSON.
 * Given a baseline diff, every cell that moved since the baseline is marked with how it moved and
 * what it was, and a filter shows only the rows holding such a cell.
 */
public final class MatrixHtml {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MatrixHtml() {
    }

    public static String render(Matrix matrix, List<PlatformRun> runs) {
        return render(matrix, runs, Optional.empty());
    }

    /** The page, with the cells that moved since the baseline marked when a diff is given. */
    public static String render(Matrix matrix, List<PlatformRun> runs, Optional<BaselineMarks> diff) {
        Map<String, BaselineMarks.Mark> moved = diff.map(d -> d.marks().stream()
                .collect(Collectors.toMap(e -> key(e.platform(), e.id()), e -> e))).orElse(Map.of());
        StringBuilder h = new StringBuilder(1 << 20);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>portzero matrix</title>\n<style>\n")
                .append(resource("matrix.css")).append("</style></head>\n<body>\n");
        h.append("<header><h1>portzero comparison matrix</h1><p>").append(matrix.platforms().size())
                .append(" platforms · ").append(matrix.rows().size()).append(" checks · <span id=\"disagree-count\">")
                .append(matrix.disagreements()).append("</span> rows where platforms disagree · generated ")
                .append(esc(matrix.generatedAt())).append(". Ports from the ephemeral range read P1, P2…; ")
                .append("click a cell for every recorded call.</p>\n");
        diff.ifPresent(d -> h.append("<p id=\"baseline\">").append(moved.size()).append(moved.size() == 1 ? " cell" : " cells").append(" changed since the baseline")
                .append(" generated ").append(esc(d.baselineGeneratedAt())).append(": ")
                .append(esc(d.counts().entrySet().stream().filter(c -> c.getValue() > 0)
                        .map(c -> c.getValue() + " " + c.getKey()).collect(Collectors.joining(", "))))
                .append(removedRows(matrix, d)).append("</p>\n"));
        h.append("<div class=\"filters\"><label><input type=\"checkbox\" id=\"only-disagree\"> only rows where platforms disagree</label>")
                .append("<label><input type=\"checkbox\" id=\"only-failing\"> only rows with fail or broken</label>")
                .append(diff.isPresent() ? "<label><input type=\"checkbox\" id=\"only-changed\"> only rows changed since baseline</label>" : "")
                .append("<label>check id contains <input type=\"search\" id=\"text\" placeholder=\"connect0.udp\"></label>")
                .append("<span id=\"shown\"></span></div>\n");
        legend(h);
        h.append("</header>\n<table id=\"matrix\"><thead><tr><th class=\"id\">check</th>");
        for (PlatformColumn p : matrix.platforms()) {
            header(h, p);
        }
        h.append("</tr></thead>\n");
        for (String family : matrix.families()) {
            List<MatrixRow> rows = matrix.rowsOf(family);
            h.append("<tbody class=\"family\" data-family=\"").append(esc(family)).append("\">");
            h.append("<tr class=\"family-head\"><th class=\"id\">").append(esc(family)).append(" <small>")
                    .append(rows.size()).append(" checks</small></th>");
            for (PlatformColumn p : matrix.platforms()) {
                h.append("<td>").append(esc(familySummary(rows, p.id()))).append("</td>");
            }
            h.append("</tr>\n");
            for (MatrixRow row : rows) {
                boolean failing = row.cells().values().stream().anyMatch(c -> c.verdict().failsTheGate());
                boolean changed = matrix.platforms().stream().anyMatch(p -> moved.containsKey(key(p.id(), row.id())));
                h.append("<tr class=\"check\" data-id=\"").append(esc(row.id())).append("\" data-disagree=\"")
                        .append(row.disagree()).append("\" data-failing=\"").append(failing)
                        .append("\" data-changed=\"").append(changed).append("\"><th class=\"id\">")
                        .append(esc(row.id())).append("</th>");
                for (PlatformColumn p : matrix.platforms()) {
                    MatrixCell cell = row.cells().get(p.id());
                    BaselineMarks.Mark move = moved.get(key(p.id(), row.id()));
                    if (cell == null) {
                        h.append("<td class=\"v-absent").append(move == null ? "" : " changed")
                                .append(move == null ? "" : "\" data-change=\"" + esc(move.kind()))
                                .append("\" title=\"not run on this platform").append(esc(since(move))).append("\">·")
                                .append(mark(move)).append("</td>");
                    } else {
                        h.append("<td class=\"v-").append(esc(cell.verdict().id())).append(move == null ? "" : " changed")
                                .append(move == null ? "" : "\" data-change=\"" + esc(move.kind()))
                                .append("\" data-platform=\"")
                                .append(esc(p.id())).append("\" title=\"").append(esc(title(cell) + since(move)))
                                .append("\"><b>").append(esc(cell.verdict().id())).append("</b> ")
                                .append(esc(OutcomeForm.cell(cell.outcome()))).append(mark(move)).append("</td>");
                    }
                }
                h.append("</tr>\n");
            }
            h.append("</tbody>\n");
        }
        h.append("</table>\n<dialog id=\"cell\"><form method=\"dialog\"><button>close</button></form><div id=\"cell-body\"></div></dialog>\n");
        h.append("<script type=\"application/json\" id=\"matrix-data\">").append(scriptSafe(data(matrix, runs)))
                .append("</script>\n<script>\n").append(resource("matrix.js")).append("</script>\n</body></html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, PlatformColumn p) {
        h.append("<th class=\"platform").append(p.broken() ? " broken" : "").append("\" data-platform=\"")
                .append(esc(p.id())).append("\"><div class=\"pid\">").append(esc(p.id())).append("</div>")
                .append("<div>kernel ").append(esc(p.kernel())).append("</div><div>").append(esc(p.jdk()))
                .append("</div><div class=\"muted\">").append(esc(p.distro())).append("</div>");
        if (!p.description().isEmpty()) {
            h.append("<div class=\"muted\">").append(esc(p.description())).append("</div>");
        }
        h.append("<details><summary>settings</summary><ul>");
        p.settings().forEach((k, v) -> h.append("<li>").append(esc(k)).append(" = ").append(esc(v)).append("</li>"));
        h.append("</ul></details><div class=\"summary\">");
        for (String v : Verdict.ids()) {
            int n = p.summary().getOrDefault(v, 0);
            if (n > 0) {
                h.append("<span class=\"v-").append(v).append("\">").append(n).append(' ').append(v).append("</span> ");
            }
        }
        h.append("</div>");
        if (p.broken()) {
            h.append("<div class=\"note\">broken: ").append(esc(p.note())).append("</div>");
        }
        h.append("</th>");
    }

    private static String key(String platform, String id) {
        return platform + "\u0000" + id;
    }

    /** The tooltip's line on how a cell moved since the baseline, or "". */
    private static String since(BaselineMarks.Mark move) {
        if (move == null) {
            return "";
        }
        String before = move.beforeVerdict() == null ? "absent" : move.beforeVerdict().id() + ": " + move.beforeOutcome();
        return "\nsince baseline: " + move.kind() + " (was " + before + ")";
    }

    /** The visible mark of a moved cell: its kind, and what it was. */
    private static String mark(BaselineMarks.Mark move) {
        if (move == null) {
            return "";
        }
        String before = move.beforeVerdict() == null ? "absent" : move.beforeVerdict().id();
        return "<span class=\"delta\">" + esc(move.kind()) + ", was " + esc(before) + "</span>";
    }

    /** Rows of the baseline with no row now: said in the header, as they have no row to mark. */
    private static String removedRows(Matrix matrix, BaselineMarks diff) {
        java.util.Set<String> ids = matrix.rows().stream().map(MatrixRow::id).collect(Collectors.toSet());
        long gone = diff.marks().stream().map(BaselineMarks.Mark::id).filter(id -> !ids.contains(id)).distinct().count();
        return gone == 0 ? "" : "; " + gone + " checks of the baseline are gone (diff.md lists them)";
    }

    /** A cell's tooltip: verdict and outcome, then the figures behind the outcome when it has any. */
    private static String title(MatrixCell cell) {
        String title = cell.verdict().id() + ": " + cell.outcome();
        return cell.figures() == null || cell.figures().isEmpty() ? title : title + "\n" + cell.figures();
    }

    private static String familySummary(List<MatrixRow> rows, String platform) {
        Map<String, Long> counts = rows.stream().map(r -> r.cells().get(platform)).filter(c -> c != null)
                .collect(Collectors.groupingBy(c -> c.verdict().id(), Collectors.counting()));
        return Verdict.ids().stream().filter(counts::containsKey).map(v -> counts.get(v) + " " + v)
                .collect(Collectors.joining(" · "));
    }

    private static void legend(StringBuilder h) {
        h.append("<p class=\"legend\">");
        for (String v : Verdict.ids()) {
            h.append("<span class=\"v-").append(v).append("\">").append(v).append("</span> ");
        }
        h.append("<span class=\"v-absent\">· not run</span></p>\n");
    }

    /** platform id → check id → the full result (observations, specs, parameters…). */
    private static String data(Matrix matrix, List<PlatformRun> runs) {
        ObjectNode root = JSON.createObjectNode();
        root.set("platforms", JSON.valueToTree(matrix.platforms()));
        ObjectNode results = root.putObject("results");
        for (PlatformRun run : runs) {
            ObjectNode byId = results.putObject(run.id());
            run.results().forEach(r -> byId.set(r.id().toString(), r.json()));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String scriptSafe(String json) {
        return json.replace("</", "<\\/").replace("<!--", "<\\!--");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String resource(String name) {
        try (InputStream in = MatrixHtml.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
