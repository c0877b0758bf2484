package org.portzero.suites.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.portzero.model.CheckId;
import org.portzero.model.Family;
import org.portzero.model.Verdict;
import org.portzero.suites.facts.PlatformFactsReader;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.verdict.CheckResult;
import org.portzero.suites.verdict.Expectations;
import org.portzero.suites.verdict.Judgement;

/** The harness closes every socket it opens, and a failure that does not repeat is reported flaky. */
class HygieneTest {

    private static int openDescriptors() {
        return new File("/proc/self/fd").list().length;
    }

    @Test
    void everyFamilyClosesWhatItOpens() {
        Bench bench = Bench.current();
        List<Check> checks = CatalogueTest.all(bench);
        CheckExecution.run(checks.get(0), bench.facts(), bench.expectations()); // warm up class loading
        int before = openDescriptors();
        for (Check c : checks) {
            if (!c.id().toString().contains("generated") && !c.id().toString().contains("sequence")) {
                CheckExecution.run(c, bench.facts(), bench.expectations());
            }
        }
        assertThat(openDescriptors() - before).as("descriptors left open by " + checks.size() + " checks")
                .isLessThanOrEqualTo(4);
    }

    @Test
    void onlyADeclaredEnvironmentSensitiveFailureIsRunAgainAndMayEndFlaky() {
        AtomicInteger runs = new AtomicInteger();
        Check onceWrong = new Check(new CheckId(Family.BIND0, "fake_row_libc", "flaps"), Layer.LIBC, "claim", Map.of(),
                List.of(), trace -> Judgement.check(runs.incrementAndGet() > 1, "run " + runs.get(), "held", "first run failed"))
                .environmentSensitive("other processes on a shared host take ports of the window");
        CheckResult r = CheckExecution.run(onceWrong, new PlatformFactsReader().read(), Expectations.none());
        assertThat(r.verdict()).isEqualTo(Verdict.FLAKY);
        assertThat(r.observed()).contains("run 1").contains("then run 2");
        assertThat(r.message()).contains("first run failed").contains("other processes on a shared host take ports");

        Check alwaysWrong = new Check(new CheckId(Family.BIND0, "fake_row_libc", "fails"), Layer.LIBC, "claim", Map.of(),
                List.of(), trace -> Judgement.broke("x", "y", "wrong every time"))
                .environmentSensitive("the same reason");
        assertThat(CheckExecution.run(alwaysWrong, new PlatformFactsReader().read(), Expectations.none()).verdict())
                .isEqualTo(Verdict.FAIL);
    }

    @Test
    void anUndeclaredFailureIsFinalAtOnceEvenWhenItWouldNotRepeat() {
        AtomicInteger runs = new AtomicInteger();
        Check onceWrong = new Check(new CheckId(Family.BIND0, "fake_row_libc", "proof"), Layer.LIBC, "claim", Map.of(),
                List.of(), trace -> Judgement.check(runs.incrementAndGet() > 1, "run " + runs.get(), "held", "first run failed"));
        CheckResult r = CheckExecution.run(onceWrong, new PlatformFactsReader().read(), Expectations.none());
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(runs.get()).as("runs of a check that did not declare itself environment-sensitive").isEqualTo(1);
    }
}
