package org.portzero.suites.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.qameta.allure.Allure;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.portzero.model.SpecLink;
import org.portzero.model.Verdict;
import org.portzero.suites.verdict.CheckResult;

/**
 * Turns checks into JUnit dynamic tests named by their ids. Each test runs its check, records the
 * result for observations.json, labels the Allure result, and reports the verdict to JUnit:
 * {@code fail} as an assertion failure, {@code broken} as an error, {@code skip}, {@code xfail} and
 * {@code flaky} as aborted (with the reason), {@code pass} and {@code xpass} as passed.
 */
public final class CheckTests {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CheckTests() {
    }

    public static Stream<DynamicTest> of(Stream<Check> checks) {
        Bench bench = Bench.current();
        return checks.map(check -> DynamicTest.dynamicTest(check.id().toString(), () -> run(check, bench)));
    }

    private static void run(Check check, Bench bench) throws Exception {
        CheckResult result = CheckExecution.run(check, bench.facts(), bench.expectations());
        ResultLog.add(result);
        annotate(check, result);
        switch (result.verdict()) {
            case FAIL -> throw new AssertionFailedError(result.id() + ": " + result.message(),
                    result.expected(), result.observed());
            case BROKEN -> throw new IllegalStateException(result.id() + " broken: " + result.message());
            case SKIP -> throw new TestAbortedException(Verdict.SKIP.labelled(result.message()));
            case XFAIL -> throw new TestAbortedException(Verdict.XFAIL.labelled("known deviation: " + result.reason()
                    + " " + result.link()));
            case FLAKY -> throw new TestAbortedException(Verdict.FLAKY.labelled(result.message()));
            case PASS, XPASS -> { }
            default -> throw new IllegalStateException("unknown verdict " + result.verdict());
        }
    }

    private static void annotate(Check check, CheckResult result) throws Exception {
        // The check id, not the dynamic test's position, identifies the test across runs.
        Allure.getLifecycle().updateTestCase(t -> {
            t.setTestCaseId(result.id());
            t.setHistoryId(result.id());
            t.setFullName(result.id());
        });
        Allure.label("feature", result.family());
        Allure.label("story", result.check());
        Allure.label("tag", result.verdict().id());
        Allure.description(check.claim());
        Allure.parameter("layer", result.layer());
        Allure.parameter("variant", result.variant());
        for (Map.Entry<String, String> p : check.parameters().entrySet()) {
            Allure.parameter(p.getKey(), p.getValue());
        }
        if (result.seed() != null) {
            Allure.parameter("seed", result.seed());
        }
        for (SpecLink spec : check.specs()) {
            Allure.link(spec.name(), spec.url());
        }
        if (result.link() != null) {
            Allure.issue(result.reason(), result.link());
        }
        Allure.addAttachment("observation", "application/json", JSON.writeValueAsString(result), ".json");
    }
}
