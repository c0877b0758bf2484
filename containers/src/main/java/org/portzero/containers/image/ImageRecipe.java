package org.portzero.containers.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Everything an image is built from: the Dockerfile text, the files of its build context and
 * the images it starts {@code FROM}. Its {@link #hash} names the image, so an unchanged recipe
 * is never built twice.
 *
 * @param dockerfilePath where the Dockerfile sits inside the context
 * @param dockerfile     the Dockerfile's text
 * @param context        name inside the build context → a file or directory on this machine
 */
public record ImageRecipe(String dockerfilePath, String dockerfile, Map<String, Path> context) {

    /** Bumped when the way images are made changes, so every image is rebuilt once. */
    static final String RECIPE_VERSION = "portzero-recipe-1";

    private static final Pattern FROM = Pattern.compile(
            "^\\s*FROM\\s+(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final long CONTENT_HASH_LIMIT = 1 << 20;

    public ImageRecipe {
        context = new LinkedHashMap<>(context);
    }

    /** The images named in FROM lines, build stages excluded, in order of appearance. */
    public List<String> fromImages() {
        List<String> images = new ArrayList<>();
        List<String> stages = new ArrayList<>();
        Matcher m = FROM.matcher(dockerfile);
        while (m.find()) {
            String image = m.group(1);
            if (!stages.contains(image.toLowerCase(Locale.ROOT)) && !images.contains(image)) {
                images.add(image);
            }
            if (m.group(2) != null) {
                stages.add(m.group(2).toLowerCase(Locale.ROOT));
            }
        }
        return images;
    }

    /**
     * A hex digest over the recipe version, the Dockerfile, the id of every FROM image and every
     * context file (its content when small, its size and modification time when large).
     */
    public String hash(Map<String, String> fromImageIds) {
        MessageDigest digest = sha256();
        update(digest, RECIPE_VERSION);
        update(digest, dockerfilePath);
        update(digest, dockerfile);
        for (String image : fromImages()) {
            update(digest, image + "=" + fromImageIds.getOrDefault(image, "?"));
        }
        for (Map.Entry<String, Path> entry : context.entrySet()) {
            for (Map.Entry<String, Path> file : files(entry.getKey(), entry.getValue()).entrySet()) {
                update(digest, file.getKey());
                fingerprint(digest, file.getValue(), file.getKey().startsWith(KernelImageRecipe.LOCAL + "/"));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Every file, directory and link below a context entry, by its name inside the context. */
    static SortedMap<String, Path> files(String name, Path root) {
        SortedMap<String, Path> files = new TreeMap<>();
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            files.put(name, root);
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.forEach(path -> {
                String relative = root.relativize(path).toString();
                files.put(relative.isEmpty() ? name : name + "/" + relative, path);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /**
     * @param wholeContent hash the content whatever the size (a kernel of the user's: a rebuilt one may
     *                     keep its size and modification time)
     */
    private static void fingerprint(MessageDigest digest, Path path, boolean wholeContent) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isSymbolicLink()) {
                update(digest, "link:" + Files.readSymbolicLink(path));
            } else if (attributes.isDirectory()) {
                update(digest, "dir");
            } else if (wholeContent || attributes.size() <= CONTENT_HASH_LIMIT) {
                update(digest, "file:" + Files.isExecutable(path));
                try (InputStream in = Files.newInputStream(path)) {
                    byte[] buffer = new byte[8192];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        digest.update(buffer, 0, n);
                    }
                }
            } else {
                update(digest, "large:" + attributes.size() + ":" + attributes.lastModifiedTime().toMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
