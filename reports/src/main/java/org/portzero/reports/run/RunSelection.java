package org.portzero.reports.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.portzero.model.PlatformRunsRecord;
import org.portzero.model.RunRecord;

/**
 * Which run directories a report merges: the ones named with {@code --runs=DIR,DIR}
 * ({@code -Dportzero.runs}), else the platforms the last matrix run lists in
 * {@code <out>/platform-runs.json} (so directories of earlier runs with other platforms stay
 * out), else every directory under {@code <out>/runs/}, sorted by name.
 * Two named directories with the same name (runs from two machines both called {@code host})
 * must be renamed by the caller: platform ids are the directory names and must be distinct.
 */
public final class RunSelection {

    private RunSelection() {
    }

    /**
     * The platforms the last matrix run recorded as broken that left no run directory (a harness
     * error before the directory was made): the gate counts them though there is nothing to read.
     * Empty when runs are named ({@code --runs}) or no matrix left a record.
     */
    public static List<RunRecord> brokenWithoutDirectory(String runs, Path out) {
        if (runs != null && !runs.isBlank()) {
            return List.of();
        }
        return PlatformRunsRecord.in(out).map(last -> last.platforms().stream()
                .filter(r -> r.broken() && !Files.isDirectory(out.resolve("runs").resolve(r.platform())))
                .toList()).orElse(List.of());
    }

    public static List<Path> of(String runs, Path out) {
        List<Path> dirs = new ArrayList<>();
        boolean named = runs != null && !runs.isBlank();
        Optional<PlatformRunsRecord> lastMatrix = named ? Optional.empty() : PlatformRunsRecord.in(out);
        if (named) {
            Arrays.stream(runs.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(Path::of).forEach(dirs::add);
        } else if (lastMatrix.isPresent()) {
            // the platforms of the last matrix run, not leftovers of earlier runs with other platforms
            for (String id : lastMatrix.get().platformIds()) {
                Path dir = out.resolve("runs").resolve(id);
                if (Files.isDirectory(dir)) {
                    dirs.add(dir);
                }
            }
        } else {
            Path root = out.resolve("runs");
            if (Files.isDirectory(root)) {
                try (Stream<Path> list = Files.list(root)) {
                    list.filter(Files::isDirectory).sorted(Comparator.comparing(p -> p.getFileName().toString()))
                            .forEach(dirs::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        Set<String> ids = new HashSet<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("run directory " + dir + " does not exist");
            }
            if (!ids.add(dir.toAbsolutePath().normalize().getFileName().toString())) {
                throw new IllegalArgumentException("two run directories are named " + dir.getFileName()
                        + ": platform ids are directory names, rename one");
            }
        }
        return dirs;
    }
}
