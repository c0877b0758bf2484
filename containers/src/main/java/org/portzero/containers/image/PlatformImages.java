package org.portzero.containers.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.PruneResponse;
import com.github.dockerjava.api.model.PruneType;
import org.portzero.containers.platform.BaseSuite;
import org.portzero.containers.platform.ImageSource;
import org.portzero.containers.platform.PlatformDefinition;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes every platform's image available locally, building only what is missing. An image is
 * tagged {@code portzero/<id>:r<hash>} by the hash of its {@link ImageRecipe} (the Dockerfile,
 * the context files and the ids of its FROM images) and also {@code portzero/<id>:latest}, the
 * stable tag user platforms build FROM. Nothing is ever pulled except a base's Debian image.
 */
public final class PlatformImages {

    public static final String LABEL_PLATFORM = "org.portzero.platform";
    public static final String LABEL_RECIPE = "org.portzero.recipe";
    private static final Pattern PORTZERO_IMAGE = Pattern.compile("portzero/([a-z0-9][a-z0-9._-]*)(?::(\\S+))?");

    private final DockerClient docker;
    private final BaseImages bases;
    private final Path workDir;
    private final Consumer<String> log;
    private final Map<String, ImageOutcome> outcomes = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();

    public PlatformImages(DockerClient docker, BaseImages bases, Path workDir, Consumer<String> log) {
        this.docker = docker;
        this.bases = bases;
        this.workDir = workDir;
        this.log = log;
    }

    /** The image of {@code platform}; {@code all} holds every known platform by id. */
    public synchronized ImageOutcome ensure(PlatformDefinition platform, Map<String, PlatformDefinition> all) {
        ImageOutcome known = outcomes.get(platform.id());
        if (known != null) {
            return known;
        }
        if (!resolving.add(platform.id())) {
            return new ImageOutcome.Unavailable("its image depends on itself (through " + resolving + ")", false);
        }
        ImageOutcome outcome;
        try {
            outcome = resolve(platform, all);
        } catch (BaseImageUnavailable e) {
            outcome = new ImageOutcome.Unavailable(e.getMessage(), false);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            outcome = new ImageOutcome.Unavailable(e.getMessage(), false);
        } catch (RuntimeException e) {
            outcome = new ImageOutcome.Unavailable("image of " + platform.id() + ": " + e, false);
        } finally {
            resolving.remove(platform.id());
        }
        outcomes.put(platform.id(), outcome);
        return outcome;
    }

    private ImageOutcome resolve(PlatformDefinition platform, Map<String, PlatformDefinition> all) {
        if (platform.image() instanceof ImageSource.SharedImage shared && platform.kernel().isEmpty()) {
            PlatformDefinition parent = all.get(shared.platformId());
            if (parent == null) {
                return new ImageOutcome.Unavailable("its image platform '" + shared.platformId() + "' does not exist", false);
            }
            ImageOutcome parentOutcome = ensure(parent, all);
            if (parentOutcome instanceof ImageOutcome.Ready ready) {
                return new ImageOutcome.Ready(ready.tag(), ready.imageId(), false, 0);
            }
            ImageOutcome.Unavailable unavailable = (ImageOutcome.Unavailable) parentOutcome;
            return new ImageOutcome.Unavailable("shares the image of " + parent.id() + ", which is unavailable: "
                    + unavailable.reason(), unavailable.skipped());
        }
        if (platform.jdkHome().isPresent() && !Files.isExecutable(platform.jdkHome().get().resolve("bin/java"))) {
            return new ImageOutcome.Unavailable("jdkHome " + platform.jdkHome().get()
                    + " is not a JDK on this machine (no bin/java)", true);
        }
        ImageRecipe recipe = ImageRecipes.forPlatform(platform);
        Map<String, String> fromIds = new LinkedHashMap<>();
        for (String from : recipe.fromImages()) {
            Optional<String> id = fromImageId(from, platform, all);
            if (id.isEmpty()) {
                ImageOutcome parent = parentOutcome(from, all);
                String reason = parent instanceof ImageOutcome.Unavailable u ? ": " + u.reason() : "";
                return new ImageOutcome.Unavailable("FROM image " + from + " is not available locally, and images are"
                        + " never pulled (no registry)" + reason, parent instanceof ImageOutcome.Unavailable u && u.skipped());
            }
            fromIds.put(from, id.get());
        }
        String hash = recipe.hash(fromIds);
        String hashTag = "r" + hash.substring(0, 12);
        String repository = "portzero/" + platform.id();
        Optional<String> existing = imageId(repository + ":" + hashTag);
        if (existing.isPresent()) {
            tagLatest(repository, hashTag, existing.get());
            return new ImageOutcome.Ready(repository + ":" + hashTag, existing.get(), false, 0);
        }
        long start = System.nanoTime();
        log.accept("building image " + repository + ":" + hashTag + " ...");
        String id = build(platform, recipe, repository, hashTag, hash);
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.accept("built image %s:%s in %.1f s".formatted(repository, hashTag, millis / 1000.0));
        retireOlder(repository, hashTag);
        return new ImageOutcome.Ready(repository + ":" + hashTag, id, true, millis);
    }

    /** The id of a FROM image, making it first when it is a portzero base or platform image. */
    private Optional<String> fromImageId(String from, PlatformDefinition platform, Map<String, PlatformDefinition> all) {
        Matcher m = PORTZERO_IMAGE.matcher(from);
        if (m.matches() && m.group(1).equals("base")) {
            Optional<BaseSuite> suite = Optional.ofNullable(m.group(2)).flatMap(BaseSuite::byLabel);
            if (suite.isPresent()) {
                bases.ensure(suite.get());
            }
        } else if (m.matches() && all.containsKey(m.group(1)) && !m.group(1).equals(platform.id())) {
            if (!(ensure(all.get(m.group(1)), all) instanceof ImageOutcome.Ready)) {
                return Optional.empty();
            }
        }
        return imageId(from);
    }

    private ImageOutcome parentOutcome(String from, Map<String, PlatformDefinition> all) {
        Matcher m = PORTZERO_IMAGE.matcher(from);
        return m.matches() ? outcomes.get(m.group(1)) : null;
    }

    private String build(PlatformDefinition platform, ImageRecipe recipe, String repository, String hashTag, String hash) {
        Path dir = workDir.resolve(platform.id());
        Path tarball = dir.resolve("context.tar");
        Path logFile = dir.resolve("build.log");
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("Dockerfile"), recipe.dockerfile());
            try (OutputStream out = Files.newOutputStream(tarball)) {
                BuildContext.write(recipe, out);
            }
            try (InputStream in = Files.newInputStream(tarball);
                 Writer buildLog = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
                BuildImageResultCallback callback = new BuildImageResultCallback() {
                    @Override
                    public void onNext(BuildResponseItem item) {
                        try {
                            if (item.getStream() != null) {
                                buildLog.write(item.getStream());
                            }
                            if (item.getErrorDetail() != null) {
                                buildLog.write("ERROR: " + item.getErrorDetail().getMessage() + "\n");
                            }
                            buildLog.flush();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        super.onNext(item);
                    }
                };
                String id = docker.buildImageCmd()
                        .withTarInputStream(in)
                        .withDockerfilePath(recipe.dockerfilePath())
                        .withTags(Set.of(repository + ":" + hashTag, repository + ":latest"))
                        .withLabels(Map.of(LABEL_PLATFORM, platform.id(), LABEL_RECIPE, hash))
                        .withPull(false)
                        .withRemove(true)
                        .withForcerm(true)
                        .exec(callback)
                        .awaitImageId();
                return id;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("building " + repository + " (log: " + logFile + ")", e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("building " + repository + ":" + hashTag + " failed: "
                    + e.getMessage() + " (log: " + logFile + ")", e);
        } finally {
            try {
                Files.deleteIfExists(tarball);
            } catch (IOException ignored) {
                // the next build overwrites it
            }
        }
    }

    /**
     * Removes the tags of {@code repository}'s earlier recipes: an image nothing else tags or
     * builds on goes with its tag, so each platform keeps one image, the current one.
     */
    private void retireOlder(String repository, String currentTag) {
        for (Image image : docker.listImagesCmd().withImageNameFilter(repository).exec()) {
            for (String tag : image.getRepoTags() == null ? new String[0] : image.getRepoTags()) {
                if (tag.startsWith(repository + ":r") && !tag.equals(repository + ":" + currentTag)) {
                    try {
                        docker.removeImageCmd(tag).withForce(false).exec();
                        log.accept("removed superseded image tag " + tag);
                    } catch (RuntimeException e) {
                        log.accept("kept superseded image " + tag + ": " + e.getMessage());
                    }
                }
            }
        }
    }

    /**
     * Removes dangling images the builds left (a multi-stage build's first stage, the steps of a
     * failed build): untagged images that carry a portzero label, inherited from our bases.
     */
    public void removeDangling() {
        PruneResponse pruned = docker.pruneCmd(PruneType.IMAGES).withDangling(true).withLabelFilter(LABEL_PLATFORM).exec();
        Long bytes = pruned.getSpaceReclaimed();
        if (bytes != null && bytes > 0) {
            log.accept("removed dangling build images: %.0f MB reclaimed".formatted(bytes / 1e6));
        }
    }

    private void tagLatest(String repository, String hashTag, String id) {
        Optional<String> latest = imageId(repository + ":latest");
        if (latest.isEmpty() || !latest.get().equals(id)) {
            docker.tagImageCmd(repository + ":" + hashTag, repository, "latest").withForce(true).exec();
        }
    }

    private Optional<String> imageId(String tag) {
        try {
            return Optional.of(docker.inspectImageCmd(tag).exec().getId());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
