package org.portzero.suites.checks;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.CheckTests;

/** The reserved family as JUnit tests. */
@Tag("reserved")
@Order(2) // runs before the families that leave TIME_WAIT entries in the range
@DisplayName("reserved")
class ReservedSuite {

    @TestFactory
    @DisplayName("scenarios")
    Stream<DynamicTest> scenarios() {
        return CheckTests.of(new ReservedChecks(Bench.current()).checks());
    }
}
