package org.portzero.reports.allure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * allure-commandline {@value #VERSION} from Maven Central ({@code io.qameta.allure:allure-commandline:zip}):
 * either the directory the build unpacked it to, or the zip in the local Maven repository,
 * unpacked on first use. Runs {@code allure generate --clean --single-file} with this JVM as its Java.
 */
public final class AllureCommandline {

    /** The newest version whose zip resolves from Maven Central (2.34.x does not). */
    public static final String VERSION = "2.33.0";

    private final Path home;

    private AllureCommandline(Path home) {
        this.home = home;
    }

    /** The given home when it holds {@code bin/allure}, else the zip from ~/.m2 unpacked under {@code cache}. */
    public static AllureCommandline locate(String givenHome, Path cache) throws IOException {
        if (givenHome != null && !givenHome.isBlank() && Files.isRegularFile(Path.of(givenHome, "bin", "allure"))) {
            return new AllureCommandline(Path.of(givenHome));
        }
        Path unpacked = cache.resolve("allure-" + VERSION);
        if (Files.isRegularFile(unpacked.resolve("bin/allure"))) {
            return new AllureCommandline(unpacked);
        }
        Path repo = Path.of(System.getProperty("maven.repo.local",
                System.getProperty("user.home") + "/.m2/repository"));
        Path zip = repo.resolve("io/qameta/allure/allure-commandline/" + VERSION
                + "/allure-commandline-" + VERSION + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new IOException("allure-commandline " + VERSION + " not found: neither " + givenHome + " nor " + zip
                    + " — fetch it with: mvn dependency:get -Dartifact=io.qameta.allure:allure-commandline:"
                    + VERSION + ":zip");
        }
        unzip(zip, cache);
        return new AllureCommandline(unpacked);
    }

    public Path home() {
        return home;
    }

    /**
     * {@code allure generate --clean --single-file -o report results}; the tool's output goes to
     * {@code log}. Single-file mode embeds every data file in {@code index.html}, so the report opens
     * from {@code file://} (a multi-file Allure 2 report fetches its data, which browsers refuse there).
     */
    public void generate(Path results, Path report, Path log) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(home.resolve("bin/allure").toString(), "generate", "--clean",
                "--single-file", "-o", report.toString(), results.toString()));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = pb.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("allure generate timed out after 10 minutes; see " + log);
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(report.resolve("index.html"))) {
            throw new IOException("allure generate exited with " + process.exitValue() + "; see " + log);
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        try (InputStream raw = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(raw)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside its directory: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    if (target.getParent().getFileName().toString().equals("bin")) {
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
    }
}
