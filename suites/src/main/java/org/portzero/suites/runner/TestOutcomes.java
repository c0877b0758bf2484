package org.portzero.suites.runner;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * What JUnit said of each test, by display name (a check's id): the cause the runner gives a listed
 * check that ended without a result of its own.
 */
final class TestOutcomes implements TestExecutionListener {

    private final Map<String, String> finished = new ConcurrentHashMap<>();
    private final Map<String, String> skipped = new ConcurrentHashMap<>();

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest()) {
            finished.put(id.getDisplayName(), result.getStatus()
                    + result.getThrowable().map(t -> ": " + t).orElse(""));
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        skipped.put(id.getDisplayName(), reason);
    }

    /** Why the test named {@code checkId} left no result. */
    String causeFor(String checkId) {
        if (finished.containsKey(checkId)) {
            return "its test ended " + finished.get(checkId);
        }
        if (skipped.containsKey(checkId)) {
            return "JUnit skipped its test: " + skipped.get(checkId);
        }
        return "its test never started";
    }
}
