package org.portzero.suites.catalogue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.portzero.model.CheckId;
import org.portzero.model.PlatformFacts;
import org.portzero.model.Verdict;
import org.portzero.suites.probe.Observation;
import org.portzero.suites.probe.Trace;
import org.portzero.suites.verdict.CheckResult;
import org.portzero.suites.verdict.Expectation;
import org.portzero.suites.verdict.Expectations;
import org.portzero.suites.verdict.Judgement;
import org.portzero.suites.probe.MissingApi;
import org.portzero.suites.verdict.PreconditionUnmet;
import org.portzero.suites.verdict.SetupFailed;

/** Runs one check and turns its judgement and the known deviations into a verdict. Knows nothing of JUnit. */
public final class CheckExecution {

    /** A passing check that made more calls than this keeps only its first and last ones. */
    static final int KEPT_HEAD = 24;
    static final int KEPT_TAIL = 6;

    private CheckExecution() {
    }

    /**
     * Runs the check. A {@code fail} is final, unless the check declared itself environment-sensitive:
     * such a check runs once more, and holding the second time it becomes {@code flaky}, with both
     * runs' calls and the declared reason. Failing again, it stays {@code fail}.
     */
    public static CheckResult run(Check check, PlatformFacts facts, Expectations expectations) {
        Attempt attempt = runOnce(check, facts, expectations);
        CheckResult first = attempt.result();
        if (first.verdict() != Verdict.FAIL || check.rerun().isEmpty() || attempt.counterexample()) {
            return first;
        }
        CheckResult second = runOnce(check, facts, expectations).result();
        if (second.verdict() != Verdict.PASS) {
            return first;
        }
        List<Observation> both = new java.util.ArrayList<>(first.observations());
        both.addAll(second.observations());
        return new CheckResult(first.id(), first.family(), first.variant(), first.check(), first.layer(), Verdict.FLAKY,
                first.observed() + " | then " + second.observed(), first.expected(),
                "failed, then held when run again (re-run because " + check.rerun().get().reason() + "): "
                        + first.message(), null, null, first.seed(),
                first.durationMillis() + second.durationMillis(), first.parameters(), first.specs(), both, 0,
                first.generated()).withFigures(first.figures());
    }

    /** One run's result, and whether its failure carries a counterexample (never re-run). */
    private record Attempt(CheckResult result, boolean counterexample) {
    }

    private static Attempt runOnce(Check check, PlatformFacts facts, Expectations expectations) {
        long start = System.nanoTime();
        Verdict verdict;
        Judgement judgement = null;
        String message = null;
        String reason = null;
        String link = null;
        List<Observation> observations;
        try (Trace trace = new Trace()) {
            try {
                judgement = check.body().judge(trace);
                Optional<Expectation> known = expectations.find(check.id().toString(), facts);
                message = judgement.message();
                if (known.isPresent()) {
                    reason = known.get().reason();
                    link = known.get().link();
                }
                if (judgement.holds()) {
                    verdict = known.isPresent() ? Verdict.XPASS : Verdict.PASS;
                } else if (known.isPresent() && known.get().names(judgement.observed())) {
                    verdict = Verdict.XFAIL;
                } else {
                    verdict = Verdict.FAIL;
                    if (known.isPresent()) {
                        message = message + "\n(a known deviation is expected here, observed '" + known.get().observed()
                                + "' (" + known.get().reason() + "); this is another: '" + judgement.observed() + "')";
                    }
                }
            } catch (PreconditionUnmet unmet) {
                verdict = Verdict.SKIP;
                message = unmet.getMessage();
            } catch (MissingApi missing) {
                verdict = Verdict.SKIP;
                message = "the JDK under test cannot make this call: " + missing.getMessage();
            } catch (SetupFailed setup) {
                verdict = Verdict.BROKEN;
                message = setup.getMessage();
            } catch (Exception | AssertionError | LinkageError e) {
                MissingApi missing = missingApi(e);
                verdict = missing != null ? Verdict.SKIP : Verdict.BROKEN;
                message = missing != null ? "the JDK under test cannot make this call: " + missing.getMessage()
                        : "harness fault: " + stackTrace(e);
            }
            observations = List.copyOf(trace.observations());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        int elided = 0;
        if (!verdict.failsTheGate() && observations.size() > KEPT_HEAD + KEPT_TAIL) {
            elided = observations.size() - KEPT_HEAD - KEPT_TAIL;
            List<Observation> kept = new java.util.ArrayList<>(observations.subList(0, KEPT_HEAD));
            kept.addAll(observations.subList(observations.size() - KEPT_TAIL, observations.size()));
            observations = List.copyOf(kept);
        }
        CheckId id = check.id();
        return new Attempt(new CheckResult(id.toString(), id.family().id(), id.variant(), id.check(), check.layer().id(),
                verdict, judgement == null ? null : judgement.observed(), judgement == null ? null : judgement.expected(),
                message, reason, link, judgement == null ? null : judgement.seed(), millis, check.parameters(),
                check.specs(), observations, elided,
                judgement == null ? null : judgement.reach()).withFigures(judgement == null ? null : judgement.figures()),
                judgement != null && judgement.counterexample());
    }

    /**
     * The result of a listed check that never reported one (the test did not start, or the harness
     * failed around it): {@code broken}, with the cause.
     */
    public static CheckResult withoutResult(Check check, String cause) {
        CheckId id = check.id();
        return new CheckResult(id.toString(), id.family().id(), id.variant(), id.check(), check.layer().id(),
                Verdict.BROKEN, null, null, "listed but no result was recorded: " + cause, null, null, null, 0,
                check.parameters(), check.specs(), List.of(), 0, null);
    }

    /** A missing API behind a wrapper (a worker thread's ExecutionException, a property engine's error). */
    private static MissingApi missingApi(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof MissingApi m) {
                return m;
            }
        }
        return null;
    }

    static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString().lines().limit(12).reduce((a, b) -> a + "\n" + b).orElse(t.toString());
    }
}
