package org.portzero.suites.checks;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.CheckTests;

/** The connected family as JUnit tests. */
@Tag("connected")
@DisplayName("connected")
class ConnectedSuite {

    @TestFactory
    @DisplayName("scenarios")
    Stream<DynamicTest> scenarios() {
        return CheckTests.of(new ConnectedChecks(Bench.current()).checks());
    }

    @TestFactory
    @DisplayName("disconnect")
    Stream<DynamicTest> disconnect() {
        return CheckTests.of(new DisconnectChecks(Bench.current()).checks());
    }
}
