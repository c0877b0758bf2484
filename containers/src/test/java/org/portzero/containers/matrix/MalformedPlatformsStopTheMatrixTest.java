package org.portzero.containers.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed platform.yaml files stop the matrix before anything runs (exit 2), every one of them
 * named with its line and field in one go, and the well-formed platforms listed — so one fix
 * round repairs them all, and no partial matrix passes the gate unnoticed.
 */
class MalformedPlatformsStopTheMatrixTest {

    @TempDir
    Path dir;

    @Test
    void everyMalformedFileIsNamedAndTheRunStopsWithExit2() throws IOException {
        Path platforms = Files.createDirectories(dir.resolve("platforms"));
        write(platforms, "good", """
                id: good
                description: well formed
                image: {base: debian13}
                jdk: openjdk-25-jre-headless
                """);
        write(platforms, "swappy", """
                id: swappy
                description: a host-wide sysctl
                image: {platform: good}
                sysctls:
                  vm.swappiness: 10
                """);
        write(platforms, "typo", """
                id: typo
                description: a misspelt field
                image: {platform: good}
                timout: 5m
                """);
        Properties properties = new Properties();
        properties.setProperty("portzero.out", dir.resolve("out").toString());
        properties.setProperty("portzero.runner.jar", dir.resolve("no-runner.jar").toString());
        properties.setProperty("portzero.platforms.home", platforms.toString());
        properties.setProperty("java.home", System.getProperty("java.home"));

        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream console = System.out;
        int exit;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exit = MatrixMain.run(MatrixOptions.from(properties));
        } finally {
            System.setOut(console);
        }
        String output = captured.toString(StandardCharsets.UTF_8);

        assertEquals(2, exit, output);
        assertTrue(output.contains(platforms.resolve("swappy/platform.yaml") + ":5: field 'sysctls.vm.swappiness': "), output);
        assertTrue(output.contains(platforms.resolve("typo/platform.yaml") + ":4: field 'timout': unknown field"), output);
        assertTrue(output.contains("2 malformed platform.yaml file(s); the well-formed ones were: good"), output);
    }

    private static void write(Path platforms, String id, String yaml) throws IOException {
        Files.writeString(Files.createDirectories(platforms.resolve(id)).resolve("platform.yaml"), yaml);
    }
}
