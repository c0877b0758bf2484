package org.portzero.suites.checks.common;

import java.util.List;
import java.util.stream.Collectors;
import org.portzero.model.PlatformFacts;
import org.portzero.suites.probe.AddressFamily;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.verdict.PreconditionUnmet;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators named after what they generate. Each value prints as the socket calls it stands
 * for, so a shrunk counterexample reads as a reproduction recipe.
 */
public final class SocketGenerators {

    private SocketGenerators() {
    }

    /** {@code socket(AF_INET6, SOCK_DGRAM, 0); bind([::1]:0)} through one layer. */
    public static Gen<SocketVariant> bindRequests(PlatformFacts facts, Layer layer, List<BindAddress> addresses) {
        List<SocketVariant> rows = SocketVariant.table(addresses).stream()
                .filter(v -> v.layer() == layer && SocketVariant.runsHere(v.shape(), layer, facts))
                .collect(Collectors.toList());
        PreconditionUnmet.require(!rows.isEmpty(), "no socket shape of the " + layer.id() + " layer runs here");
        return Generate.pick(rows).describedAs(SocketGenerators::recipe);
    }

    /**
     * Crowds of a generated size, one per socket shape the layer has here: every example covers
     * every shape, so a default run reaches them all.
     */
    public static Gen<Crowds> crowds(PlatformFacts facts, Layer layer, int maxSize) {
        List<SocketVariant> shapes = SocketVariant.table(List.of(BindAddress.LOOPBACK)).stream()
                .filter(v -> v.layer() == layer && SocketVariant.runsHere(v.shape(), layer, facts))
                .collect(Collectors.toList());
        PreconditionUnmet.require(!shapes.isEmpty(), "no socket shape of the " + layer.id() + " layer runs here");
        return Generate.range(2, maxSize).map(size -> new Crowds(shapes, size))
                .describedAs(c -> c.size() + " x { " + recipe(c.variants().get(0)) + " } held open together, then the same for "
                        + c.variants().stream().skip(1).map(v -> v.shape().id()).collect(Collectors.joining(", ")));
    }

    /** For each shape in turn, {@code size} sockets bound to port 0 and held open together. */
    public record Crowds(List<SocketVariant> variants, int size) {
    }

    static String recipe(SocketVariant v) {
        String domain = v.shape().family() == AddressFamily.IPV4 ? "AF_INET" : "AF_INET6";
        String type = v.shape().transport().socketArguments();
        String v6only = switch (v.shape().family()) {
            case IPV4 -> "";
            case IPV6 -> " IPV6_V6ONLY=1;";
            case DUAL -> " IPV6_V6ONLY=0;";
        };
        return "[" + v.layer().id() + "] socket(" + domain + ", " + type + ");" + v6only + " bind("
                + org.portzero.suites.probe.Endpoint.of(v.portZero()).shortForm() + "); getsockname()";
    }
}
