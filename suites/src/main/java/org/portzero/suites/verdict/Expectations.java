package org.portzero.suites.verdict;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.portzero.model.InputFault;
import org.portzero.model.MalformedInput;
import org.portzero.model.PlatformFacts;

/**
 * The known deviations: {@code expectations/*.yaml} on the class path, each a list of
 * {@link Expectation} entries. A malformed file is refused with its name, line and field.
 */
public final class Expectations {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final List<Expectation> entries;

    public Expectations(List<Expectation> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Expectations none() {
        return new Expectations(List.of());
    }

    public List<Expectation> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** The first entry that applies to the check on this platform. */
    public Optional<Expectation> find(String checkId, PlatformFacts facts) {
        return entries.stream().filter(e -> e.appliesTo(checkId, facts)).findFirst();
    }

    /** Parses one YAML document (a list of entries); {@code source} names it in errors. */
    public static Expectations parse(String yaml, String source) {
        if (yaml.isBlank()) {
            return none();
        }
        try {
            List<Expectation> list = YAML.readValue(yaml, new TypeReference<List<Expectation>>() { });
            list = list == null ? List.of() : list;
            for (int i = 0; i < list.size(); i++) {
                try {
                    list.get(i).complete();
                } catch (IllegalArgumentException incomplete) {
                    Integer line = YamlLocations.of(yaml).entryLine(i);
                    throw new MalformedInput(new InputFault(Path.of(source), line == null ? 0 : line, "[" + i + "]",
                            incomplete.getMessage()), incomplete);
                }
            }
            return new Expectations(list);
        } catch (JsonProcessingException e) {
            throw new MalformedInput(fault(e, yaml, Path.of(source)), e);
        }
    }

    /** Every {@code expectations/*.yaml} on the class path, in file-name order. */
    public static Expectations loadBundled() {
        URL dir = Expectations.class.getClassLoader().getResource("expectations");
        if (dir == null) {
            return none();
        }
        try {
            URI uri = dir.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    return loadDirectory(fs.getPath("/expectations"));
                }
            }
            return loadDirectory(Path.of(uri));
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list bundled expectations: " + e.getMessage(), e);
        }
    }

    public static Expectations loadDirectory(Path dir) throws IOException {
        List<Expectation> all = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().collect(Collectors.toList());
        }
        for (Path f : files) {
            all.addAll(parse(Files.readString(f), "expectations/" + f.getFileName()).entries());
        }
        return new Expectations(all);
    }

    /** Where the YAML is wrong: the entry's exact key line where it can be found, else the parser's line. */
    private static InputFault fault(JsonProcessingException e, String yaml, Path source) {
        JsonLocation at = e.getLocation();
        int line = at == null ? 0 : Math.max(0, at.getLineNr());
        int entry = -1;
        StringBuilder field = new StringBuilder();
        if (e instanceof JsonMappingException m) {
            for (JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    field.append(field.length() == 0 ? "" : ".").append(r.getFieldName());
                } else if (entry < 0) {
                    entry = r.getIndex();
                }
            }
        }
        String cause = e.getOriginalMessage();
        if (e.getCause() instanceof IllegalArgumentException iae) {
            cause = iae.getMessage();
        }
        if (entry >= 0) {
            YamlLocations where = YamlLocations.of(yaml);
            Integer exact = field.length() == 0 ? null : where.keyLine(entry, field.toString());
            Integer start = where.entryLine(entry);
            line = exact != null ? exact : start != null ? start : line;
        }
        String path = entry < 0 ? (field.length() == 0 ? "(file)" : field.toString())
                : "[" + entry + "]" + (field.length() == 0 ? "" : "." + field);
        return new InputFault(source, line, path, cause.lines().findFirst().orElse(cause));
    }

}
