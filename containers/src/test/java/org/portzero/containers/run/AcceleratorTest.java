package org.portzero.containers.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KVM when the device is there and opens read-write; TCG, with the reason, when it is absent or unusable. */
class AcceleratorTest {

    @TempDir
    Path dir;

    @Test
    void absentIsTcgSayingSo() {
        Accelerator a = Accelerator.choose(dir.resolve("kvm"));
        assertEquals(Accelerator.TCG, a.kind());
        assertEquals("no " + dir.resolve("kvm") + " on this machine", a.reason());
        assertEquals(Optional.empty(), a.device());
    }

    @Test
    void presentButNoCharacterDeviceIsTcgSayingSo() throws Exception {
        Path notADevice = Files.writeString(dir.resolve("kvm"), "");
        Accelerator a = Accelerator.choose(notADevice);
        assertEquals(Accelerator.TCG, a.kind());
        assertEquals(notADevice + " is there but is not a character device", a.reason());
    }

    @Test
    void aCharacterDeviceIsTriedWithItsGroup() throws Exception {
        Path device = Path.of("/dev/null");   // a character device every Linux has, standing in for /dev/kvm
        Accelerator a = Accelerator.choose(device);
        assertEquals(Accelerator.KVM, a.kind());
        assertEquals("", a.reason());
        assertEquals(Optional.of(device), a.device());
        assertEquals(Optional.of((Integer) Files.getAttribute(device, "unix:gid")), a.deviceGid());
    }

    @Test
    void thisMachineDecidesByItsOwnDevice() {
        Accelerator here = Accelerator.onThisMachine();
        assertEquals(Files.exists(Accelerator.KVM_DEVICE) && here.reason().isEmpty() ? Accelerator.KVM : Accelerator.TCG,
                here.kind());
        assertTrue(here.kind().equals(Accelerator.KVM) || !here.reason().isEmpty(), "TCG always says why");
    }
}
