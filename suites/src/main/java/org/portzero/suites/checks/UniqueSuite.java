package org.portzero.suites.checks;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.CheckTests;

/** The unique family as JUnit tests. */
@Tag("unique")
@DisplayName("unique")
class UniqueSuite {

    @TestFactory
    @DisplayName("scenarios")
    Stream<DynamicTest> scenarios() {
        return CheckTests.of(new UniqueChecks(Bench.current()).checks());
    }

    @TestFactory
    @DisplayName("properties")
    Stream<DynamicTest> properties() {
        return CheckTests.of(new UniqueChecks(Bench.current()).properties());
    }

    @TestFactory
    @DisplayName("call sequences")
    Stream<DynamicTest> callSequences() {
        return CheckTests.of(new org.portzero.suites.checks.porttable.PortTableChecks(Bench.current()).checks());
    }

    @TestFactory
    @DisplayName("threads")
    Stream<DynamicTest> threads() {
        return CheckTests.of(new ConcurrencyChecks(Bench.current()).checks());
    }

    @TestFactory
    @DisplayName("time-wait")
    Stream<DynamicTest> timeWait() {
        return CheckTests.of(new TimeWaitChecks(Bench.current()).checks());
    }
}
