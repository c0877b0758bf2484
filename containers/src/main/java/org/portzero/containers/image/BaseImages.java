package org.portzero.containers.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PullResponseItem;
import org.portzero.containers.platform.BaseSuite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The portzero base images, {@code portzero/base:debian12} and {@code :debian13}: a plain Debian
 * root filesystem. An existing tag is used as it is; otherwise {@code debian:<suite>-slim} is
 * pulled where a registry answers (quickly given up when none does), otherwise the root
 * filesystem is made with {@code debootstrap --variant=minbase} and {@code docker import}ed;
 * otherwise {@link BaseImageUnavailable} says what to install.
 */
public final class BaseImages {

    public static final String DEFAULT_MIRROR = "http://deb.debian.org/debian";
    private static final long PULL_SECONDS = 20;
    private static final long DEBOOTSTRAP_MINUTES = 30;

    private final DockerClient docker;
    private final Path workDir;
    private final String mirror;
    private final Consumer<String> log;
    private final Map<BaseSuite, String> ids = new EnumMap<>(BaseSuite.class);

    public BaseImages(DockerClient docker, Path workDir, String mirror, Consumer<String> log) {
        this.docker = docker;
        this.workDir = workDir;
        this.mirror = mirror;
        this.log = log;
    }

    /** The image id of the base, making the base first if its tag is missing. */
    public synchronized String ensure(BaseSuite suite) {
        String known = ids.get(suite);
        if (known != null) {
            return known;
        }
        String id = imageId(suite.imageTag()).orElseGet(() -> make(suite));
        ids.put(suite, id);
        return id;
    }

    private String make(BaseSuite suite) {
        String pullProblem = pull(suite);
        if (pullProblem == null) {
            return imageId(suite.imageTag()).orElseThrow();
        }
        log.accept("base image " + suite.imageTag() + ": no registry (" + pullProblem + "); building it with debootstrap");
        Optional<Path> debootstrap = executable("debootstrap");
        Optional<Path> dockerCli = executable("docker");
        if (debootstrap.isEmpty() || !runningAsRoot() || dockerCli.isEmpty()) {
            throw new BaseImageUnavailable("""
                    Base image %s is missing and cannot be made here.
                      - pulling %s failed: %s
                      - %s
                    Install debootstrap and run as root (apt-get install -y debootstrap), or give a
                    registry, or load any Debian %s image and tag it: docker tag IMAGE %s"""
                    .formatted(suite.imageTag(), suite.registryImage(), pullProblem,
                            debootstrap.isEmpty() ? "debootstrap is not installed (not found on PATH or in /usr/sbin)"
                                    : !runningAsRoot() ? "debootstrap needs root, and this build does not run as root"
                                    : "the docker CLI (package docker.io) is needed for docker import and is not on PATH",
                            suite.codename(), suite.imageTag()));
        }
        return debootstrapAndImport(suite, debootstrap.get());
    }

    /** Pulls the slim registry image and tags it; null on success, else the reason. */
    private String pull(BaseSuite suite) {
        String[] repoTag = suite.registryImage().split(":");
        try (ResultCallback.Adapter<PullResponseItem> callback = new ResultCallback.Adapter<>()) {
            docker.pullImageCmd(repoTag[0]).withTag(repoTag[1]).exec(callback);
            if (!callback.awaitCompletion(PULL_SECONDS, TimeUnit.SECONDS)) {
                return "no answer within " + PULL_SECONDS + " s";
            }
            docker.tagImageCmd(suite.registryImage(), "portzero/base", suite.label()).exec();
            log.accept("base image " + suite.imageTag() + ": pulled " + suite.registryImage());
            return null;
        } catch (Exception e) {
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            return message.length() > 160 ? message.substring(0, 160) + "…" : message;
        }
    }

    private String debootstrapAndImport(BaseSuite suite, Path debootstrap) {
        Path dir = workDir.resolve("base-" + suite.label());
        Path rootfs = dir.resolve("rootfs");
        Path tarball = dir.resolve("rootfs.tar");
        Path logFile = dir.resolve("debootstrap.log");
        long start = System.nanoTime();
        try {
            Files.createDirectories(dir);
            remove(rootfs);
            run(List.of(debootstrap.toString(), "--variant=minbase", suite.codename(), rootfs.toString(), mirror),
                    logFile, "debootstrap " + suite.codename());
            run(List.of("tar", "--numeric-owner", "-C", rootfs.toString(), "-cf", tarball.toString(), "."),
                    dir.resolve("tar.log"), "tar of the " + suite.codename() + " root filesystem");
            // The docker CLI streams a large tarball reliably; the API client's transport does not here.
            run(List.of("docker", "import", "--message", "portzero base: debootstrap --variant=minbase "
                            + suite.codename(), tarball.toString(), suite.imageTag()),
                    dir.resolve("import.log"), "docker import of " + suite.imageTag());
            String id = imageId(suite.imageTag()).orElseThrow(() ->
                    new BaseImageUnavailable("docker import reported success but " + suite.imageTag() + " is missing"));
            log.accept("base image %s: debootstrap + import took %.0f s".formatted(
                    suite.imageTag(), (System.nanoTime() - start) / 1e9));
            return id;
        } catch (IOException e) {
            throw new BaseImageUnavailable("making " + suite.imageTag() + " failed: " + e.getMessage()
                    + " (log: " + logFile + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BaseImageUnavailable("interrupted while making " + suite.imageTag());
        } finally {
            try {
                remove(rootfs);
                Files.deleteIfExists(tarball);
            } catch (IOException | InterruptedException e) {
                log.accept("could not clean " + dir + ": " + e.getMessage());
            }
        }
    }

    private void run(List<String> command, Path logFile, String what) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        if (!process.waitFor(DEBOOTSTRAP_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException(what + " did not finish within " + DEBOOTSTRAP_MINUTES + " min");
        }
        if (process.exitValue() != 0) {
            List<String> tail = Files.readAllLines(logFile);
            throw new IOException(what + " exited with " + process.exitValue() + ": "
                    + String.join(" | ", tail.subList(Math.max(0, tail.size() - 5), tail.size())));
        }
    }

    private static void remove(Path dir) throws IOException, InterruptedException {
        if (Files.exists(dir)) {
            Process rm = new ProcessBuilder("rm", "-rf", "--one-file-system", dir.toString()).inheritIO().start();
            rm.waitFor();
        }
    }

    private Optional<String> imageId(String tag) {
        try {
            return Optional.of(docker.inspectImageCmd(tag).exec().getId());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    static Optional<Path> executable(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    static boolean runningAsRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:"))
                    .map(line -> line.split("\\s+")[2])
                    .anyMatch("0"::equals);
        } catch (IOException e) {
            return false;
        }
    }
}
