package org.portzero.reports.matrix;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.portzero.model.Verdict;

/**
 * {@code matrix.md}: GitHub-flavoured Markdown sized for a CI job summary. The platforms with
 * their facts and verdict counts first, then the rows where platforms disagree, then every
 * family folded in a {@code <details>} block. A verdict is marked by a symbol (✅ pass, ❌ fail,
 * 🟨 xfail, 🟦 xpass, ⏭️ skip, 💥 broken, 🟧 flaky, · absent) beside the short-form outcome,
 * then the figures behind it in small print (not compared: two cells that differ only there agree).
 */
public final class MatrixMarkdown {

    private static final Map<Verdict, String> MARKS = Map.of(
            Verdict.PASS, "✅", Verdict.FAIL, "❌", Verdict.XFAIL, "🟨", Verdict.XPASS, "🟦", Verdict.SKIP, "⏭️",
            Verdict.BROKEN, "💥", Verdict.FLAKY, "🟧");

    private MatrixMarkdown() {
    }

    public static String render(Matrix matrix) {
        StringBuilder md = new StringBuilder();
        md.append("## portzero comparison matrix\n\n");
        md.append(matrix.platforms().size()).append(" platforms, ").append(matrix.rows().size())
                .append(" checks, ").append(matrix.disagreements()).append(" rows where platforms disagree. ")
                .append("Ports from the ephemeral range are shown as P1, P2… Generated ")
                .append(matrix.generatedAt()).append(".\n\n");
        md.append("| platform | status | kernel | JDK | distro | settings | ")
                .append(String.join(" | ", Verdict.ids())).append(" | total |\n");
        md.append("|---|---|---|---|---|---|").append("---:|".repeat(Verdict.values().length + 1)).append('\n');
        for (PlatformColumn p : matrix.platforms()) {
            String status = p.broken() ? "💥 broken: " + escape(p.note()) : "ran";
            String settings = p.settings().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", "));
            md.append("| `").append(p.id()).append("` | ").append(status).append(" | ").append(escape(p.kernel()))
                    .append(" | ").append(escape(p.jdk())).append(" | ").append(escape(p.distro())).append(" | ")
                    .append(escape(settings)).append(" |");
            for (Verdict v : Verdict.values()) {
                md.append(' ').append(p.summary().getOrDefault(v.id(), 0)).append(" |");
            }
            md.append(' ').append(p.summary().getOrDefault("total", 0)).append(" |\n");
        }
        List<MatrixRow> disagreeing = matrix.rows().stream().filter(MatrixRow::disagree).toList();
        md.append("\n### Rows where platforms disagree (").append(disagreeing.size()).append(")\n\n");
        if (disagreeing.isEmpty()) {
            md.append("Every platform agrees on every check it ran.\n");
        } else {
            table(md, matrix, disagreeing);
        }
        md.append("\n### Every check\n\n");
        for (String family : matrix.families()) {
            List<MatrixRow> rows = matrix.rowsOf(family);
            md.append("<details><summary><code>").append(family).append("</code>: ").append(rows.size())
                    .append(" checks, ").append(rows.stream().filter(MatrixRow::disagree).count())
                    .append(" disagree</summary>\n\n");
            table(md, matrix, rows);
            md.append("\n</details>\n\n");
        }
        return md.toString();
    }

    private static void table(StringBuilder md, Matrix matrix, List<MatrixRow> rows) {
        md.append("| check |");
        matrix.platforms().forEach(p -> md.append(" `").append(p.id()).append("` |"));
        md.append("\n|---|").append("---|".repeat(matrix.platforms().size())).append('\n');
        for (MatrixRow row : rows) {
            md.append("| `").append(row.id()).append("` |");
            for (PlatformColumn p : matrix.platforms()) {
                MatrixCell cell = row.cells().get(p.id());
                md.append(' ').append(cell == null ? "·" : mark(cell)).append(" |");
            }
            md.append('\n');
        }
    }

    private static String mark(MatrixCell cell) {
        String text = OutcomeForm.cell(cell.outcome()).replace("`", "'");
        String mark = MARKS.get(cell.verdict());
        String shown = text.isEmpty() ? mark + " " + cell.verdict().id() : mark + " `" + text.replace("|", "\\|") + "`";
        return cell.figures() == null || cell.figures().isEmpty() ? shown
                : shown + " <sub>" + escape(OutcomeForm.cell(cell.figures())).replace("<", "&lt;") + "</sub>";
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }
}
