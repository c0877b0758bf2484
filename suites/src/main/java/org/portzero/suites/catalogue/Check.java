package org.portzero.suites.catalogue;

import java.util.List;
import java.util.Map;
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
 */
public record Check(CheckId id, Layer layer, String claim, Map<String, String> parameters, List<SpecLink> specs,
                    Body body) {

    /** Performs the probes and returns the judgement. May throw {@code PreconditionUnmet}. */
    @FunctionalInterface
    public interface Body {
        Judgement judge(Trace trace) throws Exception;
    }

    public Family family() {
        return id.family();
    }
}
