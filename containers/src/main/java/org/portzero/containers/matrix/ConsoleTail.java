package org.portzero.containers.matrix;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Follows the {@code console.log} of every running platform — the host runner's output goes
 * there as it comes, a container's is streamed there — and hands each new complete line to a
 * listener ({@link LiveProgress#console}). Polled; a file that shrank (a container's log is
 * rewritten whole when it ends) is read again from its start.
 */
public final class ConsoleTail {

    private static final class Followed {
        final Path file;
        long offset;
        final StringBuilder partial = new StringBuilder();

        Followed(Path file) {
            this.file = file;
        }
    }

    private final Map<String, Followed> followed = new ConcurrentHashMap<>();
    private final BiConsumer<String, String> lines;

    /** @param lines receives (platform id, line) */
    public ConsoleTail(BiConsumer<String, String> lines) {
        this.lines = lines;
    }

    public void follow(String platform, Path consoleLog) {
        followed.put(platform, new Followed(consoleLog));
    }

    /** Reads what is left of the platform's console, then stops following it. */
    public void stop(String platform) {
        Followed f = followed.remove(platform);
        if (f != null) {
            read(platform, f);
        }
    }

    /** One poll: every followed console's new complete lines. */
    public void poll() {
        followed.forEach(this::read);
    }

    private synchronized void read(String platform, Followed f) {
        try {
            if (!Files.isRegularFile(f.file)) {
                return;
            }
            long size = Files.size(f.file);
            if (size < f.offset) {
                f.offset = 0;
                f.partial.setLength(0);
            }
            if (size == f.offset) {
                return;
            }
            byte[] chunk;
            try (RandomAccessFile in = new RandomAccessFile(f.file.toFile(), "r")) {
                in.seek(f.offset);
                chunk = new byte[(int) Math.min(size - f.offset, 1 << 20)];
                in.readFully(chunk);
            }
            f.offset += chunk.length;
            f.partial.append(new String(chunk, StandardCharsets.UTF_8));
            int newline;
            while ((newline = f.partial.indexOf("\n")) >= 0) {
                lines.accept(platform, f.partial.substring(0, newline).replace("\r", ""));
                f.partial.delete(0, newline + 1);
            }
        } catch (IOException e) {
            // a console being cleaned or rewritten: the next poll reads it again
        }
    }
}
