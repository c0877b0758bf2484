package org.portzero.containers.run;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How a kernel platform's guest runs: {@code kvm} when this machine's {@code /dev/kvm} exists and
 * this process can open it for reading and writing (it is then passed into the container with its
 * group, and QEMU runs with {@code -accel kvm -cpu host}), else {@code tcg}, QEMU's emulator, with
 * the reason. The guest's own boot script checks the device again inside the container and falls
 * back to TCG, saying why, if it cannot use it; what ran is written beside the results
 * ({@code accelerator.txt}) and recorded in {@code run.json}.
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

    /** The choice for {@code device}: absent, present but not usable, or usable. */
    static Accelerator choose(Path device) {
        if (!Files.exists(device, LinkOption.NOFOLLOW_LINKS)) {
            return tcg("no " + device + " on this machine");
        }
        try (RandomAccessFile open = new RandomAccessFile(device.toFile(), "rw")) {
            Object gid = Files.getAttribute(device, "unix:gid");
            return new Accelerator(KVM, "", Optional.of(device), Optional.of((Integer) gid));
        } catch (IOException | RuntimeException e) {
            return tcg(device + " is there but not usable: " + e.getMessage());
        }
    }

    static Accelerator tcg(String reason) {
        return new Accelerator(TCG, reason, Optional.empty(), Optional.empty());
    }
}
