package org.portzero.suites.checks;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.CheckTests;

/** The dualstack family (catalogue row B24) as JUnit tests. */
@Tag("dualstack")
@DisplayName("dualstack")
class DualstackSuite {

    @TestFactory
    @DisplayName("scenarios")
    Stream<DynamicTest> scenarios() {
        return CheckTests.of(new DualstackChecks(Bench.current()).checks());
    }
}
