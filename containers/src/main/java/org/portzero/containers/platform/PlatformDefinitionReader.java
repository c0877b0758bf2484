package org.portzero.containers.platform;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.portzero.model.Family;
import org.portzero.model.MalformedInput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads and validates {@code platforms/<id>/platform.yaml}. Every rejection is a
 * {@link MalformedInput} naming the file, the line and the field: YAML syntax errors, unknown
 * fields, wrong types, missing required fields and values out of their domain.
 *
 * <pre>
 * id: narrow-range                      # required, equals the folder name
 * description: 64 ephemeral ports       # required
 * image: {platform: debian13-jdk25}     # required: exactly one of base | dockerfile | platform
 * jdk: openjdk-25-jre-headless          # with image.base: a Debian package ...
 * jdkHome: /usr/lib/jvm/temurin-25-jdk-amd64   # ... or a local JDK directory
 * layersJdk: openjdk-8-jre-headless     # with jdk: the JDK under test, running the socket, nio and async layers
 * sysctls: {net.ipv4.ip_local_port_range: "40000 40063"}
 * network: none                         # none | bridge
 * runtime: runsc                        # runc (Linux's stack, the default) | runsc (gVisor's netstack)
 * user: "10001:10001"                   # non-root
 * jvmArgs: [-Xmx256m]
 * memory: 1g                            # bytes, or k/m/g suffix
 * timeout: 10m                          # seconds, or s/m/h suffix
 * families: [bind0, exhaust]            # runner --families; all when absent
 * kernel: bookworm                      # with image.platform: boot this kernel under QEMU (a Debian suite or
 *                                       # package, or {file: bzImage} / {deb: linux-image-….deb} here)
 * </pre>
 */
public final class PlatformDefinitionReader {

    public static final String FILE_NAME = "platform.yaml";

    /** The top-level fields; docs/schemas/platform.schema.json names the same (PlatformSchemaTest). */
    static final Set<String> FIELDS = Set.of(
            "id", "description", "image", "jdk", "jdkHome", "layersJdk", "sysctls", "network", "runtime", "user",
            "jvmArgs", "memory", "timeout", "families", "kernel");
    /** A Debian suite whose linux-image-cloud-amd64 is booted (backports and experimental too), or an explicit kernel package. */
    private static final Pattern KERNEL = Pattern.compile(
            "(bullseye|bookworm|trixie|forky)(-backports)?|sid|experimental|linux-image-[a-z0-9.+~-]+");
    private static final Set<String> IMAGE_FIELDS = Set.of("base", "dockerfile", "platform");
    private static final Set<String> KERNEL_FIELDS = Set.of("file", "deb");

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    private static final Pattern DEBIAN_PACKAGE = Pattern.compile("[a-z0-9][a-z0-9+.-]+");
    private static final Pattern SYSCTL = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-zA-Z0-9_-]+)+");
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_-]*|[0-9]+(:[0-9]+)?");
    private static final Pattern MEMORY = Pattern.compile("([0-9]+)\\s*([kmg]?)b?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION = Pattern.compile("([0-9]+)\\s*([smh]?)", Pattern.CASE_INSENSITIVE);

    private final ObjectMapper mapper;

    public PlatformDefinitionReader() {
        YAMLFactory factory = new YAMLFactory();
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.mapper = new ObjectMapper(factory);
    }

    /** Every platform in {@code dir}: one sub-folder per platform, each with a platform.yaml; the first malformed one throws. */
    public List<PlatformDefinition> readAll(Path dir) {
        return readEach(dir).definitionsOrThrow();
    }

    /**
     * Every platform.yaml in {@code dir}, each accepted or refused on its own: a malformed file is
     * listed with its file, line and field, and the well-formed ones are still read.
     */
    public PlatformsFolder readEach(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new MalformedInput(dir, 0, "(folder)", "no such platforms folder");
        }
        List<PlatformDefinition> definitions = new ArrayList<>();
        List<MalformedInput> malformed = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            for (Path folder : children.sorted().toList()) {
                if (Files.isRegularFile(folder.resolve(FILE_NAME))) {
                    try {
                        definitions.add(read(folder));
                    } catch (MalformedInput refused) {
                        malformed.add(refused);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PlatformsFolder(dir, definitions, malformed);
    }

    /** The platform declared in {@code folder/platform.yaml}. */
    public PlatformDefinition read(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new MalformedInput(file, 0, "(file)", "cannot read: " + e.getMessage());
        }
        return parse(file, text);
    }

    /** Parses the text of {@code file} (its folder is the platform's folder). */
    public PlatformDefinition parse(Path file, String text) {
        Map<String, Integer> lines = fieldLines(file, text);
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw syntaxError(file, e, lines);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new MalformedInput(file, 1, "(file)", "the file is empty");
        }
        if (!root.isObject()) {
            throw new MalformedInput(file, 1, "(file)", "expected a mapping of fields, found " + kind(root));
        }
        return new Fields(file, (ObjectNode) root, lines).definition();
    }

    /** The line of {@code field} (dotted path) in the file {@code definition} was read from; 0 if unknown. */
    public static int lineOf(PlatformDefinition definition, String field) {
        Path file = definition.folder().resolve(FILE_NAME);
        try {
            return new PlatformDefinitionReader().fieldLines(file, Files.readString(file)).getOrDefault(field, 0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Line of every field, keyed by a dotted path ({@code image.base}, {@code sysctls.<name>}). */
    private Map<String, Integer> fieldLines(Path file, String text) {
        Map<String, Integer> lines = new HashMap<>();
        Deque<String> path = new ArrayDeque<>();
        Deque<Boolean> inObject = new ArrayDeque<>();
        String lastField = "(file)";
        try (JsonParser parser = mapper.getFactory().createParser(text)) {
            JsonToken token;
            String pending = null;
            while (true) {
                try {
                    token = parser.nextToken();
                } catch (JsonProcessingException e) {
                    break; // reported with its location by the tree pass
                }
                if (token == null) {
                    break;
                }
                switch (token) {
                    case FIELD_NAME -> {
                        pending = parser.currentName();
                        String dotted = path.isEmpty() ? pending : String.join(".", reversed(path)) + "." + pending;
                        lines.putIfAbsent(dotted, parser.currentTokenLocation().getLineNr());
                        lastField = dotted;
                    }
                    case START_OBJECT, START_ARRAY -> {
                        if (pending != null) {
                            path.push(pending);
                            inObject.push(true);
                        } else {
                            inObject.push(false);
                        }
                        pending = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        if (!inObject.isEmpty() && inObject.pop()) {
                            path.pop();
                        }
                    }
                    default -> pending = null;
                }
            }
        } catch (IOException e) {
            throw new MalformedInput(file, 0, lastField, e.getMessage());
        }
        return lines;
    }

    private static List<String> reversed(Deque<String> path) {
        List<String> list = new ArrayList<>(path);
        java.util.Collections.reverse(list);
        return list;
    }

    private static MalformedInput syntaxError(Path file, JsonProcessingException e, Map<String, Integer> lines) {
        JsonLocation location = e.getLocation();
        int line = location == null ? 0 : location.getLineNr();
        Matcher duplicate = Pattern.compile("Duplicate field '([^']*)'").matcher(e.getOriginalMessage());
        if (duplicate.find()) {
            String name = duplicate.group(1);
            return new MalformedInput(file, line, name, "appears twice");
        }
        String field = lines.entrySet().stream()
                .filter(entry -> entry.getValue() <= line)
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse("(file)");
        return new MalformedInput(file, line, field, "not valid YAML: " + e.getOriginalMessage());
    }

    private static String kind(JsonNode node) {
        if (node.isObject()) return "a mapping";
        if (node.isArray()) return "a list";
        if (node.isTextual()) return "a string";
        if (node.isNumber()) return "a number";
        if (node.isBoolean()) return "a boolean";
        if (node.isNull()) return "nothing (null)";
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** Typed access to one file's fields, every error carrying the field's line. */
    private static final class Fields {
        private final Path file;
        private final ObjectNode root;
        private final Map<String, Integer> lines;

        Fields(Path file, ObjectNode root, Map<String, Integer> lines) {
            this.file = file;
            this.root = root;
            this.lines = lines;
        }

        PlatformDefinition definition() {
            rejectUnknown(root, "", FIELDS);
            Path folder = file.toAbsolutePath().getParent();

            String id = requiredText("id");
            if (!ID.matcher(id).matches()) {
                throw error("id", "'" + id + "' is not a platform id (lower case letters, digits, '.', '_', '-')");
            }
            String folderName = folder.getFileName().toString();
            if (!id.equals(folderName)) {
                throw error("id", "'" + id + "' differs from its folder name '" + folderName + "'");
            }
            String description = requiredText("description");
            ImageSource image = image(folder);

            Optional<String> jdk = optionalText("jdk");
            jdk.ifPresent(name -> {
                if (!DEBIAN_PACKAGE.matcher(name).matches()) {
                    throw error("jdk", "'" + name + "' is not a Debian package name");
                }
            });
            Optional<Path> jdkHome = optionalText("jdkHome").map(Path::of);
            jdkHome.ifPresent(home -> {
                if (!home.isAbsolute()) {
                    throw error("jdkHome", "'" + home + "' is not an absolute path");
                }
            });
            Optional<String> layersJdk = optionalText("layersJdk");
            layersJdk.ifPresent(name -> {
                if (!DEBIAN_PACKAGE.matcher(name).matches()) {
                    throw error("layersJdk", "'" + name + "' is not a Debian package name");
                }
                if (jdk.isEmpty()) {
                    throw error("layersJdk", "the JDK under test runs beside the runner's: give 'jdk' (a Debian package) too");
                }
            });
            if (image instanceof ImageSource.Base) {
                if (jdk.isPresent() == jdkHome.isPresent()) {
                    throw error(jdk.isPresent() ? "jdkHome" : "image.base",
                            "an image built on a base needs exactly one of 'jdk' (a Debian package) and 'jdkHome' (a local JDK)");
                }
            } else {
                if (jdk.isPresent()) {
                    throw error("jdk", "only an image built on a base takes 'jdk'; a Dockerfile installs its own JDK and a shared image has one");
                }
                if (jdkHome.isPresent()) {
                    throw error("jdkHome", "only an image built on a base takes 'jdkHome'");
                }
            }

            Optional<KernelSource> kernel = kernel(folder);
            if (kernel.isPresent() && !(image instanceof ImageSource.SharedImage)) {
                throw error("kernel", "a kernel platform takes its guest's root from another platform: use image: {platform: …}");
            }
            ContainerRuntime runtime = runtime();
            if (kernel.isPresent() && runtime != ContainerRuntime.RUNC) {
                throw error("runtime", "a kernel platform boots its own kernel under QEMU in a runc container; '"
                        + runtime.id() + "' does not apply");
            }

            return new PlatformDefinition(
                    id,
                    description,
                    image,
                    jdk,
                    jdkHome,
                    layersJdk,
                    sysctls(),
                    network(),
                    user(),
                    textList("jvmArgs", null),
                    memory(),
                    timeout(),
                    families(),
                    folder,
                    kernel,
                    runtime);
        }

        /** {@code kernel:}: a Debian suite or package name, or {@code {file: …}} / {@code {deb: …}} on this machine. */
        private Optional<KernelSource> kernel(Path folder) {
            JsonNode node = root.get("kernel");
            if (node == null || node.isNull()) {
                return Optional.empty();
            }
            if (node.isObject()) {
                rejectUnknown((ObjectNode) node, "kernel.", KERNEL_FIELDS);
                if (node.size() != 1) {
                    throw error("kernel", "give exactly one of file (a kernel image) and deb (a linux-image package)");
                }
                String key = node.fieldNames().next();
                Path path = folder.resolve(text(node.get(key), "kernel." + key)).normalize();
                return Optional.of(key.equals("file") ? new KernelSource.LocalImage(path) : new KernelSource.LocalDeb(path));
            }
            String name = text(node, "kernel");
            if (!KERNEL.matcher(name).matches()) {
                throw error("kernel", "'" + name + "' is neither a Debian suite (bullseye, bookworm, trixie, forky, their"
                        + " -backports, sid, experimental), a linux-image-… package, nor {file: …} or {deb: …}");
            }
            return Optional.of(new KernelSource.Debian(name));
        }

        private ImageSource image(Path folder) {
            JsonNode node = required("image");
            if (!node.isObject()) {
                throw error("image", "expected a mapping with one of base, dockerfile, platform; found " + kind(node));
            }
            rejectUnknown((ObjectNode) node, "image.", IMAGE_FIELDS);
            if (node.size() != 1) {
                throw error("image", "give exactly one of base, dockerfile, platform (found " + node.size() + ")");
            }
            String key = node.fieldNames().next();
            String value = text(node.get(key), "image." + key);
            return switch (key) {
                case "base" -> new ImageSource.Base(BaseSuite.byLabel(value).orElseThrow(() -> error("image.base",
                        "'" + value + "' is not a base; known: " + java.util.Arrays.stream(BaseSuite.values())
                                .map(BaseSuite::label).collect(java.util.stream.Collectors.joining(", ")))));
                case "dockerfile" -> {
                    Path dockerfile = folder.resolve(value).normalize();
                    if (!dockerfile.startsWith(folder)) {
                        throw error("image.dockerfile", "'" + value + "' lies outside the platform's folder");
                    }
                    if (!Files.isRegularFile(dockerfile)) {
                        throw error("image.dockerfile", "no such file: " + dockerfile);
                    }
                    yield new ImageSource.Dockerfile(dockerfile);
                }
                default -> {
                    if (!ID.matcher(value).matches()) {
                        throw error("image.platform", "'" + value + "' is not a platform id");
                    }
                    yield new ImageSource.SharedImage(value);
                }
            };
        }

        private Map<String, String> sysctls() {
            JsonNode node = root.get("sysctls");
            if (node == null) {
                return Map.of();
            }
            if (!node.isObject()) {
                throw error("sysctls", "expected a mapping of sysctl name to value, found " + kind(node));
            }
            Map<String, String> sysctls = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String field = "sysctls." + entry.getKey();
                if (!SYSCTL.matcher(entry.getKey()).matches()) {
                    throw error(field, "'" + entry.getKey() + "' is not a sysctl name (e.g. net.ipv4.ip_local_port_range)");
                }
                JsonNode value = entry.getValue();
                if (!(value.isTextual() || value.isIntegralNumber())) {
                    throw error(field, "expected a string or an integer, found " + kind(value));
                }
                KnownSysctls.problem(entry.getKey(), value.asText()).ifPresent(problem -> {
                    throw error(field, problem);
                });
                sysctls.put(entry.getKey(), value.asText());
            }
            return sysctls;
        }

        private NetworkMode network() {
            Optional<String> value = optionalText("network");
            if (value.isEmpty()) {
                return NetworkMode.NONE;
            }
            for (NetworkMode mode : NetworkMode.values()) {
                if (mode.dockerName().equals(value.get())) {
                    return mode;
                }
            }
            throw error("network", "'" + value.get() + "' is not one of none, bridge");
        }

        private ContainerRuntime runtime() {
            Optional<String> value = optionalText("runtime");
            if (value.isEmpty()) {
                return ContainerRuntime.RUNC;
            }
            return ContainerRuntime.of(value.get()).orElseThrow(() ->
                    error("runtime", "'" + value.get() + "' is not one of " + ContainerRuntime.spellings()));
        }

        private String user() {
            JsonNode node = root.get("user");
            String user = node != null && node.isIntegralNumber() ? node.asText()
                    : optionalText("user").orElse(PlatformDefinition.DEFAULT_USER);
            if (!USER.matcher(user).matches()) {
                throw error("user", "'" + user + "' is not a user name or uid[:gid]");
            }
            if (user.equals("root") || user.equals("0") || user.startsWith("0:")) {
                throw error("user", "platform containers run as a non-root user");
            }
            return user;
        }

        private long memory() {
            JsonNode node = root.get("memory");
            if (node == null) {
                return PlatformDefinition.DEFAULT_MEMORY_BYTES;
            }
            long bytes;
            if (node.isIntegralNumber()) {
                bytes = node.asLong();
            } else if (node.isTextual()) {
                bytes = parseMemory(node.asText()).orElseThrow(() -> error("memory",
                        "'" + node.asText() + "' is not a size (e.g. 512m, 1g)"));
            } else {
                throw error("memory", "expected a size such as 1g, found " + kind(node));
            }
            if (bytes < 64L << 20) {
                throw error("memory", bytes + " bytes is below the 64m a JVM needs");
            }
            return bytes;
        }

        private Duration timeout() {
            JsonNode node = root.get("timeout");
            if (node == null) {
                return PlatformDefinition.DEFAULT_TIMEOUT;
            }
            Duration timeout;
            if (node.isIntegralNumber()) {
                timeout = Duration.ofSeconds(node.asLong());
            } else if (node.isTextual()) {
                timeout = parseDuration(node.asText()).orElseThrow(() -> error("timeout",
                        "'" + node.asText() + "' is not a duration (e.g. 90s, 10m, 1h)"));
            } else {
                throw error("timeout", "expected a duration such as 10m, found " + kind(node));
            }
            if (timeout.isZero() || timeout.isNegative()) {
                throw error("timeout", "must be positive");
            }
            return timeout;
        }

        /** The families the platform runs, each one of {@link Family}; all when absent. */
        private List<String> families() {
            List<String> ids = textList("families", null);
            for (String id : ids) {
                try {
                    Family.of(id);
                } catch (IllegalArgumentException e) {
                    throw error("families", e.getMessage());
                }
            }
            return ids;
        }

        private List<String> textList(String name, Pattern shape) {
            JsonNode node = root.get(name);
            if (node == null) {
                return List.of();
            }
            if (!node.isArray()) {
                throw error(name, "expected a list of strings, found " + kind(node));
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                String value = text(node.get(i), name + "[" + i + "]");
                if (shape != null && !shape.matcher(value).matches()) {
                    throw error(name, "'" + value + "' is not a valid entry");
                }
                values.add(value);
            }
            return values;
        }

        private void rejectUnknown(ObjectNode node, String prefix, Set<String> known) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (name.isBlank()) {
                    throw new MalformedInput(file, line(prefix + name), prefix + "(no name)", "a field without a name");
                }
                if (!known.contains(name)) {
                    throw error(prefix + name, "unknown field; known fields: " + String.join(", ", known.stream().sorted().toList()));
                }
            }
        }

        private JsonNode required(String name) {
            JsonNode node = root.get(name);
            if (node == null || node.isNull()) {
                throw new MalformedInput(file, node == null ? 1 : line(name), name, "required field is missing");
            }
            return node;
        }

        private String requiredText(String name) {
            return text(required(name), name);
        }

        private Optional<String> optionalText(String name) {
            JsonNode node = root.get(name);
            return node == null ? Optional.empty() : Optional.of(text(node, name));
        }

        private String text(JsonNode node, String field) {
            if (!node.isTextual()) {
                String hint = node.isNumber() ? " (quote it)" : "";
                throw error(field, "expected a string, found " + kind(node) + hint);
            }
            String value = node.asText().strip();
            if (value.isEmpty()) {
                throw error(field, "must not be empty");
            }
            return value;
        }

        private int line(String field) {
            String key = field.replaceAll("\\[\\d+]$", "");
            while (true) {
                Integer line = lines.get(key);
                if (line != null) {
                    return line;
                }
                int dot = key.lastIndexOf('.');
                if (dot < 0) {
                    return 0;
                }
                key = key.substring(0, dot);
            }
        }

        private MalformedInput error(String field, String problem) {
            return new MalformedInput(file, line(field), field, problem);
        }
    }

    /** {@code 512m} → 536870912; {@code 1g}; a bare number is bytes. */
    static Optional<Long> parseMemory(String text) {
        Matcher m = MEMORY.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long value = Long.parseLong(m.group(1));
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        return Optional.of(value << shift);
    }

    /** {@code 90s}, {@code 10m}, {@code 1h}; a bare number is seconds. */
    static Optional<Duration> parseDuration(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long value = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "m" -> Duration.ofMinutes(value);
            case "h" -> Duration.ofHours(value);
            default -> Duration.ofSeconds(value);
        });
    }
}
