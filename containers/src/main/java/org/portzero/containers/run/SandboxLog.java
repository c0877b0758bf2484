package org.portzero.containers.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * gVisor's own record of its sandboxes: the directory runsc writes its logs to (the
 * {@code --debug-log=DIR/} the engine's registration gives it, docs/PLATFORMS.md), where each
 * sandbox's sentry leaves a {@code runsc.log.<time>.boot.txt} whose arguments name the container.
 * When a sentry panics, the Go runtime writes {@code panic: …} there, then the stacks: the first
 * gVisor frame after it says where.
 *
 * @param directory the runtime's log directory; {@value #DEFAULT} unless {@value #PROPERTY} says otherwise
 */
public record SandboxLog(Path directory) {

    public static final String PROPERTY = "portzero.runsc.log";
    public static final String DEFAULT = "/var/log/runsc";
    /** The newest boot logs looked through for a container's; older ones belong to earlier runs. */
    static final int NEWEST = 64;
    /** Lines of a boot log's head that may name its container (runsc prints its arguments first). */
    private static final int HEAD = 12;

    public static SandboxLog configured() {
        String named = System.getProperty(PROPERTY, "");
        return new SandboxLog(Path.of(named.isBlank() ? DEFAULT : named.strip()));
    }

    /**
     * Why the sandbox of container {@code containerId} died, from its boot log: the panic line and
     * the frame that raised it, {@code panic: … at gvisor.dev/…(*Task).assertTaskGoroutine
     * (task_run.go:362) [runsc.log….boot.txt]}. Empty when no boot log names the container or it
     * holds no panic.
     */
    public Optional<String> panicOf(String containerId) {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> boots = files.filter(f -> f.getFileName().toString().endsWith(".boot.txt"))
                    .sorted(Comparator.comparing(SandboxLog::modified).reversed()).limit(NEWEST).toList();
            for (Path boot : boots) {
                List<String> lines = Files.readAllLines(boot);
                if (lines.stream().limit(HEAD).anyMatch(l -> l.contains(containerId))) {
                    return panicIn(lines).map(p -> p + " [" + boot + "]");
                }
            }
            return Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** What a reader is told when no panic was found: where it was looked for. */
    public String notFound(String containerId) {
        return "no sentry panic for container " + shortId(containerId) + " in " + directory
                + " (runsc writes one there only when registered with --debug-log=" + directory + "/)";
    }

    /** {@code panic: …} (or Go's {@code fatal error: …}) and the first gVisor frame below it. */
    static Optional<String> panicIn(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("panic: ") || line.startsWith("fatal error: ")) {
                for (int j = i + 1; j < lines.size() - 1; j++) {
                    String frame = lines.get(j).strip();
                    if (frame.startsWith("gvisor.dev/")) {
                        String where = lines.get(j + 1).strip().split(" ")[0];
                        String file = where.substring(where.lastIndexOf('/') + 1);
                        return Optional.of(line + " at " + (frame.endsWith(")") ? frame.substring(0, frame.lastIndexOf('(')) : frame) + " (" + file + ")");
                    }
                }
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    private static String shortId(String containerId) {
        return containerId.length() > 12 ? containerId.substring(0, 12) : containerId;
    }

    private static java.nio.file.attribute.FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }
}
