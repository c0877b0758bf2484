package org.portzero.containers.image;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;

/**
 * The tar stream the Docker engine builds an image from: the recipe's Dockerfile and context
 * files, symbolic links kept as links and permissions kept (a JDK directory needs both).
 */
final class BuildContext {

    private BuildContext() {
    }

    static void write(ImageRecipe recipe, OutputStream out) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            boolean dockerfileInContext = false;
            for (Map.Entry<String, Path> entry : recipe.context().entrySet()) {
                for (Map.Entry<String, Path> file : ImageRecipe.files(entry.getKey(), entry.getValue()).entrySet()) {
                    if (file.getKey().equals(recipe.dockerfilePath())) {
                        dockerfileInContext = true;
                    }
                    add(tar, file.getKey(), file.getValue());
                }
            }
            if (!dockerfileInContext) {
                byte[] text = recipe.dockerfile().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(recipe.dockerfilePath());
                entry.setSize(text.length);
                entry.setMode(0644);
                tar.putArchiveEntry(entry);
                tar.write(text);
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }

    private static void add(TarArchiveOutputStream tar, String name, Path path) throws IOException {
        if (Files.isSymbolicLink(path)) {
            TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
            entry.setLinkName(Files.readSymbolicLink(path).toString());
            entry.setMode(0777);
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            TarArchiveEntry entry = new TarArchiveEntry(name + "/");
            entry.setMode(mode(path));
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        } else {
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setSize(Files.size(path));
            entry.setMode(mode(path));
            tar.putArchiveEntry(entry);
            Files.copy(path, tar);
            tar.closeArchiveEntry();
        }
    }

    private static int mode(Path path) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= switch (permission) {
                case OWNER_READ -> 0400;
                case OWNER_WRITE -> 0200;
                case OWNER_EXECUTE -> 0100;
                case GROUP_READ -> 040;
                case GROUP_WRITE -> 020;
                case GROUP_EXECUTE -> 010;
                case OTHERS_READ -> 04;
                case OTHERS_WRITE -> 02;
                case OTHERS_EXECUTE -> 01;
            };
        }
        return mode;
    }
}
