package org.portzero.suites.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.portzero.model.CheckId;
import org.portzero.model.Family;
import org.portzero.model.SpecLink;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.probe.Trace;
import org.portzero.suites.verdict.Judgement;

/**
 * One check: an id, the layer and variant parameters it runs with, the specs it comes from, and
 * a body that performs probes under a trace and judges what they recorded.
 *
 * @param id         {@code family.variant.check}
 * @param layer      the layer under test
 * @param claim      the claim in one sentence (the Allure description)
 * @param parameters the variant's fields (family, transport, address…), for reports
 * @param specs      where the claim comes from
 * @param body       probes and judges
 * @param rerun      why a failure may come from the environment rather than the platform under test
 *                   (other processes taking ports on a shared host), which lets it run once more and
 *                   end {@code flaky}; empty for every other check, whose failure is final at once
 */
public record Check(CheckId id, Layer layer, String claim, Map<String, String> parameters, List<SpecLink> specs,
                    Body body, Optional<EnvironmentSensitive> rerun) {

    /**
     * A check's own declaration that its failure can be caused by the environment, with the reason.
     * Only a check that carries one is re-run; proof (a duplicate live port, a wrong address) never is.
     */
    public record EnvironmentSensitive(String reason) {
        public EnvironmentSensitive {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("an environment-sensitive check must say why");
            }
        }
    }

    /** A check whose failure is final. */
    public Check(CheckId id, Layer layer, String claim, Map<String, String> parameters, List<SpecLink> specs,
                 Body body) {
        this(id, layer, claim, parameters, specs, body, Optional.empty());
    }

    /** The same check, declared environment-sensitive for {@code reason}. */
    public Check environmentSensitive(String reason) {
        return new Check(id, layer, claim, parameters, specs, body, Optional.of(new EnvironmentSensitive(reason)));
    }

    /** Performs the probes and returns the judgement. May throw {@code PreconditionUnmet}. */
    @FunctionalInterface
    public interface Body {
        Judgement judge(Trace trace) throws Exception;
    }

    public Family family() {
        return id.family();
    }
}
