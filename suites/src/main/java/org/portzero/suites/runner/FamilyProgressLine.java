package org.portzero.suites.runner;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.portzero.model.Family;
import org.portzero.model.FamilyPlan;
import org.portzero.model.FamilyProgress;
import org.portzero.suites.catalogue.ResultLog;
import org.portzero.suites.verdict.CheckResult;

/**
 * Prints a {@link FamilyProgress} line the moment a family's container (the catalogue's dynamic
 * container named by the family id) finishes: the platform matrix reads it from the console while
 * the platform runs and shows {@code [platform] unique 43/43 ✓ 6.2 s}.
 */
final class FamilyProgressLine implements TestExecutionListener {

    private final PrintStream out;
    private final Map<String, Long> started = new ConcurrentHashMap<>();

    FamilyProgressLine(PrintStream out) {
        this.out = out;
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        family(id).ifPresent(f -> started.put(id.getUniqueId(), System.nanoTime()));
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        Optional<Family> family = family(id);
        if (family.isEmpty()) {
            return;
        }
        long millis = (System.nanoTime() - started.getOrDefault(id.getUniqueId(), System.nanoTime())) / 1_000_000;
        out.println(progress(family.get(), ResultLog.plans(), ResultLog.all(), millis).line());
        out.flush();
    }

    /** Where one family stands: its listed checks, their results, those failing the gate. */
    static FamilyProgress progress(Family family, List<FamilyPlan> plans, List<CheckResult> results, long millis) {
        int listed = plans.stream().filter(p -> p.family() == family).mapToInt(p -> p.ids().size()).sum();
        List<CheckResult> own = results.stream().filter(r -> r.family().equals(family.id())).toList();
        int failing = (int) own.stream().filter(r -> r.verdict().failsTheGate()).count();
        return new FamilyProgress(family, own.size(), listed, failing, millis);
    }

    /** The family a container of the catalogue stands for, by its display name. */
    private static Optional<Family> family(TestIdentifier id) {
        if (!id.isContainer()) {
            return Optional.empty();
        }
        return Arrays.stream(Family.values()).filter(f -> f.id().equals(id.getDisplayName())).findFirst();
    }
}
