package org.portzero.reports.matrix;

import java.util.Map;

/**
 * A matrix column: one platform, described by what it ran on and how it ended.
 *
 * @param id             platform id (run directory name)
 * @param status         {@code ran} or {@code broken}
 * @param note           why it is broken, else empty
 * @param kernel         {@code uname -r} inside the platform
 * @param jdk            java.vendor and java.version
 * @param javaVmVersion  java.vm.version
 * @param distro         /etc/os-release PRETTY_NAME
 * @param description    the platform definition's description (run.json), else empty
 * @param settings       the platform facts that decide outcomes (port range, bindv6only…)
 * @param harnessVersion the harness version that wrote the run
 * @param finishedAt     when the run finished
 * @param summary        results per verdict, plus {@code total}
 */
public record PlatformColumn(
        String id,
        String status,
        String note,
        String kernel,
        String jdk,
        String javaVmVersion,
        String distro,
        String description,
        Map<String, String> settings,
        String harnessVersion,
        String finishedAt,
        Map<String, Integer> summary) {

    public boolean broken() {
        return "broken".equals(status);
    }
}
