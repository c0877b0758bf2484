package org.portzero.suites.catalogue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.portzero.model.PlatformFacts;
import org.portzero.suites.facts.PlatformFactsReader;
import org.portzero.model.JdkIdentity;
import org.portzero.suites.probe.AgentLayer;
import org.portzero.suites.probe.AgentProcess;
import org.portzero.suites.probe.AsyncLayer;
import org.portzero.suites.probe.ChannelLayer;
import org.portzero.suites.probe.ClassicLayer;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.probe.LibcLayer;
import org.portzero.suites.probe.SocketLayer;
import org.portzero.suites.verdict.Expectations;

/**
 * Everything a check runs against: the platform facts, the four probe layers, the known
 * deviations, the property engine's settings and the port budget. Tests build one with fake
 * layers, facts or budget.
 */
public record Bench(PlatformFacts facts, Map<Layer, SocketLayer> layers, Expectations expectations,
                    PropertySettings properties, PortBudget.Source budgets) {

    private static Bench current;

    public Bench {
        layers = Map.copyOf(layers);
    }

    /** A bench whose budget is read live from the platform whenever a check asks. */
    public Bench(PlatformFacts facts, Map<Layer, SocketLayer> layers, Expectations expectations,
                 PropertySettings properties) {
        this(facts, layers, expectations, properties, () -> PortBudget.live(facts));
    }

    /** The ports and descriptors the platform can spare now; a check asks before it opens several at once. */
    public PortBudget budget() {
        return budgets.now();
    }

    /** The same bench with a fixed budget (a fake, in tests). */
    public Bench withBudget(PortBudget fixed) {
        return new Bench(facts, layers, expectations, properties, () -> fixed);
    }

    /** The real layers. */
    public static Map<Layer, SocketLayer> realLayers() {
        Map<Layer, SocketLayer> m = new EnumMap<>(Layer.class);
        for (SocketLayer l : List.of(new ClassicLayer(), new ChannelLayer(), new AsyncLayer(), new LibcLayer())) {
            m.put(l.layer(), l);
        }
        return m;
    }

    /**
     * The real layers with the JDK ones ({@code socket}, {@code nio}, {@code async}) performed by the
     * probe agent in another JDK; {@code libc} stays in this JVM.
     */
    public static Map<Layer, SocketLayer> agentLayers(AgentProcess agent) {
        Map<Layer, SocketLayer> m = realLayers();
        for (Layer l : Layer.values()) {
            if (l.isJdk()) {
                m.put(l, new AgentLayer(l, agent));
            }
        }
        return m;
    }

    /**
     * The bench of this JVM: the running platform, real layers, bundled expectations. With
     * {@code -Dportzero.jdk.layers=/path/to/java} the JDK layers run on that JDK, in the probe agent,
     * and the facts name it as the JDK under test.
     */
    public static synchronized Bench current() {
        if (current == null) {
            String layersJava = System.getProperty(JdkIdentity.LAYERS_PROPERTY);
            Expectations expectations = Expectations.loadBundled();
            PropertySettings properties = PropertySettings.fromSystemProperties();
            if (layersJava == null || layersJava.isBlank()) {
                current = new Bench(new PlatformFactsReader().read(), realLayers(), expectations, properties);
            } else {
                AgentProcess agent = AgentProcess.start(java.nio.file.Path.of(layersJava));
                current = new Bench(new PlatformFactsReader().read(agent.jdk(), agent.netProperties()),
                        agentLayers(agent), expectations, properties);
            }
        }
        return current;
    }

    /**
     * The system property a platform declares its confinement in ({@code nonroot,loopback,…}); the
     * sandbox family checks each word from inside.
     */
    public static final String SANDBOX = "portzero.sandbox";
    /** The word of {@value #SANDBOX} for a network namespace of its own with only loopback in it. */
    public static final String LOOPBACK_ONLY = "loopback";

    /** The words of {@value #SANDBOX}, as this JVM was started with them. */
    public static Set<String> declaredConfinement() {
        return confinement(System.getProperty(SANDBOX, ""));
    }

    /** The words of a declaration such as {@code nonroot,loopback}. */
    public static Set<String> confinement(String declaration) {
        return java.util.Arrays.stream(declaration.split(",")).map(String::trim)
                .filter(w -> !w.isEmpty()).collect(java.util.stream.Collectors.toSet());
    }

    public SocketLayer layer(Layer layer) {
        return layers.get(layer);
    }

    /** The same bench with one layer replaced (a fake, in tests). */
    public Bench withLayer(SocketLayer replacement) {
        Map<Layer, SocketLayer> m = new EnumMap<>(layers);
        m.put(replacement.layer(), replacement);
        return new Bench(facts, m, expectations, properties, budgets);
    }
}
