package org.portzero.reports.allure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.portzero.model.MalformedInput;
import org.portzero.model.PlatformRunsRecord;
import org.portzero.reports.run.PlatformRun;

/**
 * {@code environment.properties}: the harness version, the host's kernel, the Docker engine (from
 * the platform matrix's {@code platform-runs.json} when present) and one line per platform
 * (kernel, JDK, distro, status).
 */
public final class AllureEnvironment {

    private AllureEnvironment() {
    }

    public static Map<String, String> of(List<PlatformRun> runs, Path out) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("harness.version", runs.stream().map(PlatformRun::harnessVersion).filter(v -> !v.isEmpty())
                .distinct().collect(Collectors.joining(", ")));
        env.put("host.kernel", hostKernel());
        env.put("docker", dockerEngine(out));
        env.put("platforms", runs.stream().map(PlatformRun::id).collect(Collectors.joining(", ")));
        for (PlatformRun run : runs) {
            env.put("platform." + run.id(), "kernel " + run.fact("kernel") + "; " + run.fact("javaVendor") + " "
                    + run.fact("javaVersion") + "; " + run.fact("distro") + (run.broken() ? "; BROKEN" : ""));
        }
        return env;
    }

    public static void write(Map<String, String> env, Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        env.forEach((k, v) -> text.append(escape(k, true)).append(" = ").append(escape(v, false)).append('\n'));
        Files.writeString(file, text);
    }

    private static String hostKernel() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip();
        } catch (IOException e) {
            return System.getProperty("os.name") + " " + System.getProperty("os.version");
        }
    }

    private static String dockerEngine(Path out) {
        try {
            return PlatformRunsRecord.in(out).map(PlatformRunsRecord::engine).orElse("not recorded");
        } catch (MalformedInput e) {
            return "unknown (platform-runs.json unreadable)";
        }
    }

    private static String escape(String s, boolean key) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\\') {
                out.append("\\\\");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (key && (c == '=' || c == ':' || c == ' ')) {
                out.append('\\').append(c);
            } else if (c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
