package org.portzero.containers.matrix;

import org.portzero.containers.platform.ImageSource;
import org.portzero.containers.platform.PlatformDefinition;
import org.portzero.containers.platform.PlatformDefinitionReader;
import org.portzero.model.MalformedInput;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which platforms one matrix run covers: the host platforms, and the container platforms from
 * the repository's folder plus any user folders, narrowed by {@code portzero.platforms}. All
 * known container platforms stay available for image resolution (a selected variant needs its
 * parent's image even when the parent itself is not selected).
 *
 * @param hosts      the selected host platforms, build JDK first
 * @param containers the selected container platforms, in folder order
 * @param known      every container platform by id
 */
public record MatrixPlan(List<HostPlatform> hosts, List<PlatformDefinition> containers,
                         Map<String, PlatformDefinition> known) {

    public MatrixPlan {
        hosts = List.copyOf(hosts);
        containers = List.copyOf(containers);
        known = Map.copyOf(known);
    }

    /** A selection or a set of platforms that cannot be run; the message says why. */
    public static final class Invalid extends RuntimeException {
        public Invalid(String message) {
            super(message);
        }
    }

    /**
     * @param definitions every container platform, repository folder first, then user folders
     * @param buildJdk    the JDK the build runs on
     * @param hostJdks    extra host JDKs
     * @param selection   ids to run; empty means all but the kernel platforms
     */
    public static MatrixPlan of(List<PlatformDefinition> definitions, Path buildJdk, List<Path> hostJdks,
                                List<String> selection) {
        List<HostPlatform> hosts = new ArrayList<>();
        hosts.add(new HostPlatform(HostPlatform.BUILD_JDK_ID, buildJdk));
        for (Path jdk : hostJdks) {
            HostPlatform host = HostPlatform.forJdk(jdk);
            if (hosts.stream().anyMatch(h -> h.id().equals(host.id()))) {
                throw new Invalid("two host JDKs give the same platform id " + host.id() + ": " + jdk);
            }
            hosts.add(host);
        }

        Map<String, PlatformDefinition> known = new LinkedHashMap<>();
        for (PlatformDefinition definition : definitions) {
            if (definition.id().equals(HostPlatform.BUILD_JDK_ID) || definition.id().startsWith(HostPlatform.BUILD_JDK_ID + "-")) {
                throw new MalformedInput(definition.folder().resolve(PlatformDefinitionReader.FILE_NAME),
                        PlatformDefinitionReader.lineOf(definition, "id"), "id",
                        "'host' and 'host-*' name host platforms; choose another id");
            }
            PlatformDefinition earlier = known.put(definition.id(), definition);
            if (earlier != null) {
                throw new MalformedInput(definition.folder().resolve(PlatformDefinitionReader.FILE_NAME),
                        PlatformDefinitionReader.lineOf(definition, "id"), "id",
                        "platform '" + definition.id() + "' is already defined in " + earlier.folder());
            }
        }
        for (PlatformDefinition definition : definitions) {
            if (definition.image() instanceof ImageSource.SharedImage shared && !known.containsKey(shared.platformId())) {
                throw new MalformedInput(definition.folder().resolve(PlatformDefinitionReader.FILE_NAME),
                        PlatformDefinitionReader.lineOf(definition, "image.platform"), "image.platform",
                        "no platform '" + shared.platformId() + "'; known: " + String.join(", ", known.keySet()));
            }
        }

        if (selection.isEmpty()) {
            // Kernel platforms (QEMU, minutes each) and JDK-under-test platforms (an image each) run
            // only when selected, e.g. by -Pkernels or -Pjdks.
            return new MatrixPlan(hosts, known.values().stream().filter(d -> !d.onlyWhenSelected()).toList(), known);
        }
        Set<String> wanted = new LinkedHashSet<>(selection);
        List<String> unknown = new ArrayList<>();
        for (String id : wanted) {
            if (!known.containsKey(id) && hosts.stream().noneMatch(h -> h.id().equals(id))) {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            List<String> all = new ArrayList<>(hosts.stream().map(HostPlatform::id).toList());
            all.addAll(known.keySet());
            throw new Invalid("unknown platform(s) in portzero.platforms: " + String.join(", ", unknown)
                    + "; known: " + String.join(", ", all));
        }
        return new MatrixPlan(
                hosts.stream().filter(h -> wanted.contains(h.id())).toList(),
                known.values().stream().filter(d -> wanted.contains(d.id())).toList(),
                known);
    }

    /** Every selected platform id, hosts first. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>(hosts.stream().map(HostPlatform::id).toList());
        ids.addAll(containers.stream().map(PlatformDefinition::id).toList());
        return ids;
    }
}
