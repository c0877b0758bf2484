package org.portzero.containers.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How a kernel platform's guest runs: {@code kvm} when this machine has {@code /dev/kvm} as a
 * character device (it is then passed into the container, whose user joins the device's group: on a
 * CI runner the harness's own user often is not in it, the container's is), else {@code tcg}, QEMU's
 * emulator, with the reason. Whether KVM really opens is decided where QEMU runs: the guest's boot
 * script tries the device inside the container and falls back to TCG, saying why; what ran is
 * written beside the results ({@code accelerator.txt}) and recorded in {@code run.json}.
 *
 * @param kind       {@code kvm} or {@code tcg}
 * @param reason     why TCG, when it is TCG; empty for KVM
 * @param device     the device to pass into the container, for KVM
 * @param deviceGid  the device's group, which the container's user joins, for KVM
 */
public record Accelerator(String kind, String reason, Optional<Path> device, Optional<Integer> deviceGid) {

    public static final String KVM = "kvm";
    public static final String TCG = "tcg";
    /** Where Linux puts the KVM device. */
    public static final Path KVM_DEVICE = Path.of("/dev/kvm");

    /** The choice on this machine. */
    public static Accelerator onThisMachine() {
        return choose(KVM_DEVICE);
    }

    /** The choice for {@code device}: absent, present but no device, or a character device to try. */
    static Accelerator choose(Path device) {
        if (!Files.exists(device, LinkOption.NOFOLLOW_LINKS)) {
            return tcg("no " + device + " on this machine");
        }
        try {
            if (!"c".equals(fileType(device))) {
                return tcg(device + " is there but is not a character device");
            }
            Object gid = Files.getAttribute(device, "unix:gid");
            return new Accelerator(KVM, "", Optional.of(device), Optional.of((Integer) gid));
        } catch (IOException | RuntimeException e) {
            return tcg(device + " is there but not usable: " + e.getMessage());
        }
    }

    /** {@code c} for a character device, from {@code unix:mode}'s file-type bits. */
    private static String fileType(Path path) throws IOException {
        int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        return (mode & 0170000) == 0020000 ? "c" : "other";
    }

    static Accelerator tcg(String reason) {
        return new Accelerator(TCG, reason, Optional.empty(), Optional.empty());
    }
}
