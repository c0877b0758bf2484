package org.portzero.suites.probe;

import com.sun.jna.LastErrorException;
import java.nio.charset.StandardCharsets;

/** The kernel log as an unprivileged process may read it ({@code syslog(2)}, what {@code dmesg} shows). */
public final class KernelLog {

    /** {@code SYSLOG_ACTION_READ_ALL}: the whole ring buffer, without consuming it. */
    private static final int READ_ALL = 3;
    private static final int SIZE = 1 << 14;

    private KernelLog() {
    }

    /**
     * The log's first line without its {@code [    0.000000] } stamp; empty when the kernel refuses
     * the read (Linux with {@code dmesg_restrict}, an unprivileged user: EPERM) or the log is empty.
     */
    public static String firstLine() {
        byte[] buffer = new byte[SIZE];
        int length;
        try {
            length = Libc.klogctl(READ_ALL, buffer, buffer.length);
        } catch (LastErrorException | UnsatisfiedLinkError e) {
            return "";
        }
        String text = new String(buffer, 0, Math.max(0, length), StandardCharsets.UTF_8);
        String first = text.lines().findFirst().orElse("");
        return first.replaceFirst("^\\[[ 0-9.]*\\]\\s*", "").strip();
    }
}
