package org.portzero.containers.platform;

import org.portzero.model.MalformedInput;

import java.nio.file.Path;
import java.util.List;

/**
 * What one platforms folder holds: every platform.yaml that was accepted, and every one that was
 * refused, each refusal naming its file, line and field. One malformed file does not hide the
 * others, nor the other malformed files.
 *
 * @param dir         the folder read
 * @param definitions the accepted platforms, in folder order
 * @param malformed   the refused platform.yaml files, in folder order
 */
public record PlatformsFolder(Path dir, List<PlatformDefinition> definitions, List<MalformedInput> malformed) {

    public PlatformsFolder {
        definitions = List.copyOf(definitions);
        malformed = List.copyOf(malformed);
    }

    /** The accepted platforms; the first refusal when any file was refused. */
    public List<PlatformDefinition> definitionsOrThrow() {
        if (!malformed.isEmpty()) {
            throw malformed.get(0);
        }
        return definitions;
    }
}
