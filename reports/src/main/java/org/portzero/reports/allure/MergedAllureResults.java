package org.portzero.reports.allure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.portzero.model.RecordedResult;
import org.portzero.model.Verdict;
import org.portzero.reports.run.PlatformRun;

/**
 * One allure-results directory made from every platform's results, each platform kept distinct
 * so that Allure never folds two platforms' runs of a check into "retries": each result gets a
 * new uuid, {@code parentSuite} = platform, {@code suite} = family, {@code subSuite} = variant,
 * name = check id, parameters platform / kernel / JDK first (then the suites' own: layer,
 * variant, seed…), and a historyId and testCaseId made from platform and check id — stable
 * across runs, so history trends line up per platform. Attachments are copied under new names.
 * Container files are not carried over (they hold no fixtures, only the dynamic tests' names; the
 * runner no longer writes them).
 * A broken platform also gets one {@code broken} result, "platform run", saying why; and a
 * {@code broken} result of {@code observations.json} that no Allure file reports (its runner, or
 * its whole sandbox, died before it could write one) gets one, from the entry's message.
 */
public final class MergedAllureResults {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> REPLACED_LABELS = Set.of("parentSuite", "suite", "subSuite", "host", "thread");

    private MergedAllureResults() {
    }

    /**
     * What was written.
     *
     * @param results            the platforms' own Allure results, carried over
     * @param platformRunResults the "platform run" results of broken platforms
     * @param unreported         the broken results of observations.json written here because no Allure file
     *                           reported them
     * @param unreadable         the Allure files that could not be read, as {@code platform/file}
     */
    public record Tally(int results, int platformRunResults, int unreported, List<String> unreadable) {
    }

    public static Tally write(List<PlatformRun> runs, Path target) throws IOException {
        Files.createDirectories(target);
        int results = 0;
        int synthetic = 0;
        int unreported = 0;
        List<String> unreadable = new ArrayList<>();
        for (PlatformRun run : runs) {
            Set<String> reported = new HashSet<>();
            if (Files.isDirectory(run.allureResults())) {
                List<Path> files;
                try (Stream<Path> list = Files.list(run.allureResults())) {
                    files = list.filter(p -> p.getFileName().toString().endsWith("-result.json")).sorted().toList();
                }
                for (Path file : files) {
                    ObjectNode result;
                    try {
                        result = (ObjectNode) JSON.readTree(file.toFile());
                    } catch (IOException | ClassCastException e) {
                        unreadable.add(run.id() + "/" + file.getFileName());
                        continue;
                    }
                    rewrite(result, run, target);
                    JSON.writeValue(target.resolve(result.path("uuid").asText() + "-result.json").toFile(), result);
                    reported.add(result.path("name").asText());
                    results++;
                }
            }
            for (RecordedResult r : run.results()) {
                if (r.verdict() == Verdict.BROKEN && !reported.contains(r.id().toString())) {
                    writeUnreported(r, run, target);
                    unreported++;
                }
            }
            if (run.broken()) {
                writePlatformRun(run, target);
                synthetic++;
            }
        }
        return new Tally(results, synthetic, unreported, unreadable);
    }

    private static void rewrite(ObjectNode result, PlatformRun run, Path target) throws IOException {
        String id = result.hasNonNull("testCaseName") ? result.path("testCaseName").asText() : result.path("name").asText();
        String family = labelValue(result, "feature", id.contains(".") ? id.substring(0, id.indexOf('.')) : id);
        String variant = id.split("\\.").length == 3 ? id.split("\\.")[1] : "";
        result.put("uuid", UUID.randomUUID().toString());
        result.put("name", id);
        result.put("fullName", run.id() + "/" + id);
        result.put("historyId", digest(run.id() + "\u0000" + id));
        result.put("testCaseId", digest("case\u0000" + run.id() + "\u0000" + id));
        result.put("testCaseName", id);
        result.remove("titlePath");
        ArrayNode labels = JSON.createArrayNode();
        for (JsonNode label : result.withArray("labels")) {
            if (!REPLACED_LABELS.contains(label.path("name").asText())) {
                labels.add(label);
            }
        }
        labels.add(label("parentSuite", run.id()));
        labels.add(label("suite", family));
        if (!variant.isEmpty()) {
            labels.add(label("subSuite", variant));
        }
        labels.add(label("host", run.id()));
        result.set("labels", labels);
        ArrayNode parameters = JSON.createArrayNode();
        parameters.add(parameter("platform", run.id()));
        parameters.add(parameter("kernel", run.fact("kernel")));
        parameters.add(parameter("JDK", (run.fact("javaVendor") + " " + run.fact("javaVersion")).strip()));
        for (JsonNode p : result.withArray("parameters")) {
            parameters.add(p);
        }
        result.set("parameters", parameters);
        copyAttachments(result, run, target);
    }

    /** Copies the attachments of a result and of its steps, renaming each to a fresh uuid. */
    private static void copyAttachments(ObjectNode node, PlatformRun run, Path target) throws IOException {
        for (JsonNode attachment : node.withArray("attachments")) {
            String source = attachment.path("source").asText();
            Path from = run.allureResults().resolve(source);
            if (!source.isEmpty() && Files.isRegularFile(from) && !source.contains("/")) {
                String suffix = source.contains(".") ? source.substring(source.lastIndexOf('.')) : "";
                String renamed = UUID.randomUUID() + "-attachment" + suffix;
                Files.copy(from, target.resolve(renamed));
                ((ObjectNode) attachment).put("source", renamed);
            }
        }
        for (JsonNode step : node.withArray("steps")) {
            copyAttachments((ObjectNode) step, run, target);
        }
    }

    /** A broken result of observations.json that no Allure file reports: written from the entry, then as every result. */
    private static void writeUnreported(RecordedResult check, PlatformRun run, Path target) throws IOException {
        String id = check.id().toString();
        ObjectNode result = broken(id, check.message());
        result.put("testCaseName", id);
        result.putArray("labels").add(label("feature", check.family().id()));
        rewrite(result, run, target);
        JSON.writeValue(target.resolve(result.path("uuid").asText() + "-result.json").toFile(), result);
    }

    /** A finished {@code broken} result named {@code name}, with {@code message}, started and stopped now. */
    private static ObjectNode broken(String name, String message) {
        ObjectNode result = JSON.createObjectNode();
        long now = System.currentTimeMillis();
        result.put("name", name);
        result.put("status", "broken");
        result.put("stage", "finished");
        result.put("start", now);
        result.put("stop", now);
        result.putObject("statusDetails").put("message", message);
        return result;
    }

    private static void writePlatformRun(PlatformRun run, Path target) throws IOException {
        ObjectNode result = broken(run.id() + " platform run", "platform run broken: " + run.brokenNote().orElse(""));
        String uuid = UUID.randomUUID().toString();
        result.put("uuid", uuid);
        result.put("fullName", run.id() + "/platform-run");
        result.put("historyId", digest(run.id() + "\u0000platform-run"));
        result.put("testCaseId", digest("case\u0000" + run.id() + "\u0000platform-run"));
        result.put("description", "The platform's run directory is incomplete; " + run.results().size()
                + " results could be read from observations.json.");
        ArrayNode labels = result.putArray("labels");
        labels.add(label("parentSuite", run.id()));
        labels.add(label("suite", "platform"));
        labels.add(label("host", run.id()));
        labels.add(label("tag", "broken"));
        result.putArray("parameters").add(parameter("platform", run.id()));
        JSON.writeValue(target.resolve(uuid + "-result.json").toFile(), result);
    }

    private static String labelValue(ObjectNode result, String name, String fallback) {
        for (JsonNode label : result.withArray("labels")) {
            if (label.path("name").asText().equals(name)) {
                return label.path("value").asText();
            }
        }
        return fallback;
    }

    private static ObjectNode label(String name, String value) {
        return JSON.createObjectNode().put("name", name).put("value", value);
    }

    private static ObjectNode parameter(String name, String value) {
        return JSON.createObjectNode().put("name", name).put("value", value);
    }

    static String digest(String text) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
