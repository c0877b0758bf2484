package org.portzero.reports.diff;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.portzero.model.Verdict;

/** Writes a {@link BaselineDiff} as {@code diff.json} and as {@code diff.md} (a CI job summary). */
public final class DiffReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DiffReport() {
    }

    /** The file names in an output folder. */
    public static final String JSON_FILE = "diff.json";
    public static final String MARKDOWN_FILE = "diff.md";

    /** {@code out/diff.json} and {@code out/diff.md}. */
    public static void write(BaselineDiff diff, Path out) throws IOException {
        writeJson(diff, out.resolve(JSON_FILE));
        java.nio.file.Files.writeString(out.resolve(MARKDOWN_FILE), markdown(diff));
    }

    public static void writeJson(BaselineDiff diff, Path file) throws IOException {
        JSON.writeValue(file.toFile(), diff);
    }

    public static String markdown(BaselineDiff diff) {
        StringBuilder md = new StringBuilder("## portzero diff against the baseline\n\n");
        md.append("Baseline ").append(diff.baselineGeneratedAt()).append(" → current ")
                .append(diff.currentGeneratedAt()).append(".\n\n| change | count |\n|---|---:|\n");
        diff.counts().forEach((k, n) -> md.append("| ").append(k.id().replace('_', ' ')).append(" | ").append(n).append(" |\n"));
        if (diff.entries().isEmpty()) {
            md.append("\nNo cell changed.\n");
        }
        for (DiffKind kind : DiffKind.values()) {
            List<DiffEntry> entries = diff.of(kind);
            if (entries.isEmpty()) {
                continue;
            }
            md.append("\n### ").append(kind.id().replace('_', ' ')).append(" (").append(entries.size()).append(")\n\n");
            md.append("| platform | check | before | after |\n|---|---|---|---|\n");
            for (DiffEntry e : entries) {
                md.append("| `").append(e.platform()).append("` | `").append(e.id()).append("` | ")
                        .append(side(e.beforeVerdict(), e.beforeOutcome(), e.beforeFigures())).append(" | ")
                        .append(side(e.afterVerdict(), e.afterOutcome(), e.afterFigures())).append(" |\n");
            }
        }
        return md.toString();
    }

    private static String side(Verdict verdict, String outcome, String figures) {
        if (verdict == null) {
            return "—";
        }
        String text = outcome == null || outcome.isEmpty() ? "" : " `" + outcome.replace("`", "'").replace("|", "\\|") + "`";
        String shown = figures == null || figures.isEmpty() ? "" : " (" + figures.replace("|", "\\|").replace("\n", " ") + ")";
        return verdict.id() + text + shown;
    }
}
