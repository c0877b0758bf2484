package org.portzero.containers.image;

import org.portzero.containers.platform.BaseSuite;
import org.portzero.containers.platform.ImageSource;
import org.portzero.containers.platform.PlatformDefinition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The recipe of a platform's own image: a Dockerfile the harness writes for {@code image.base}
 * platforms (a Debian JDK package, or a local JDK directory copied to {@code /opt/jdk}), or the
 * platform folder's Dockerfile with the folder as build context.
 */
public final class ImageRecipes {

    /** uid and gid of the non-root user every generated image creates. */
    public static final int PORTZERO_UID = 10001;
    /**
     * In an image with a JDK under test ({@code layersJdk}): its {@code java}, which runs the probe
     * agent. The runner's own JDK is {@code java} on the PATH ({@code /usr/local/bin/java}).
     */
    public static final String LAYERS_JAVA = "/usr/local/bin/java-layers";

    private ImageRecipes() {
    }

    /** The recipe for a platform that builds an image (not a variant sharing one). */
    public static ImageRecipe forPlatform(PlatformDefinition platform) {
        if (platform.kernel().isPresent()) {
            return KernelImageRecipe.forPlatform(platform);
        }
        if (platform.image() instanceof ImageSource.Base base) {
            if (platform.jdkHome().isPresent()) {
                return new ImageRecipe("Dockerfile", localJdk(base.suite().imageTag()),
                        Map.of("jdk", platform.jdkHome().get()));
            }
            String jdk = platform.jdkPackage().orElseThrow();
            return new ImageRecipe("Dockerfile", platform.layersJdk().isPresent()
                    ? debianJdks(base.suite(), jdk, platform.layersJdk().get())
                    : debianJdk(base.suite().imageTag(), jdk, base.suite().aptGet()), Map.of());
        }
        if (platform.image() instanceof ImageSource.Dockerfile dockerfile) {
            Path folder = platform.folder();
            Map<String, Path> context = new LinkedHashMap<>();
            try (Stream<Path> children = Files.list(folder)) {
                children.sorted().forEach(child -> context.put(child.getFileName().toString(), child));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                return new ImageRecipe(folder.relativize(dockerfile.file()).toString(),
                        Files.readString(dockerfile.file()), context);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalArgumentException(platform.id() + " shares another platform's image and has no recipe");
    }

    static String debianJdk(String base, String jdkPackage) {
        return debianJdk(base, jdkPackage, "apt-get");
    }

    static String debianJdk(String base, String jdkPackage, String aptGet) {
        return """
                FROM %s
                RUN %s update \\
                 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends %s \\
                 && rm -rf /var/lib/apt/lists/* \\
                 && java -version
                %s
                """.formatted(base, aptGet, jdkPackage, userLines());
    }

    /**
     * Two Debian JDKs side by side: the runner's ({@code java} on the PATH, whichever JDK the
     * alternatives system would pick) and the JDK under test ({@link #LAYERS_JAVA}).
     */
    static String debianJdks(BaseSuite suite, String runnerJdk, String layersJdk) {
        return """
                FROM %s
                RUN %s update \\
                 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends %s %s \\
                 && rm -rf /var/lib/apt/lists/* \\
                 && ln -s "$(dpkg -L %s | grep '/bin/java$' | head -n 1)" /usr/local/bin/java \\
                 && ln -s "$(dpkg -L %s | grep '/bin/java$' | head -n 1)" %s \\
                 && java -version && %s -version
                %s
                """.formatted(suite.imageTag(), suite.aptGet(), runnerJdk, layersJdk, runnerJdk, layersJdk,
                LAYERS_JAVA, LAYERS_JAVA, userLines());
    }

    static String localJdk(String base) {
        return """
                FROM %s
                COPY jdk/ /opt/jdk/
                ENV JAVA_HOME=/opt/jdk
                RUN ln -s /opt/jdk/bin/java /usr/local/bin/java && java -version
                %s
                """.formatted(base, userLines());
    }

    private static String userLines() {
        return "RUN groupadd --gid %d portzero && useradd --uid %d --gid %d --create-home --shell /bin/sh portzero"
                .formatted(PORTZERO_UID, PORTZERO_UID, PORTZERO_UID);
    }
}
