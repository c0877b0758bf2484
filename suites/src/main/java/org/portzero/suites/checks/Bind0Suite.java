package org.portzero.suites.checks;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.CheckTests;

/** The bind0 family as JUnit tests: scenario checks per variant, then the properties. */
@Tag("bind0")
@DisplayName("bind0")
class Bind0Suite {

    @TestFactory
    @DisplayName("scenarios")
    Stream<DynamicTest> scenarios() {
        return CheckTests.of(new Bind0Checks(Bench.current()).checks());
    }

    @TestFactory
    @DisplayName("properties")
    Stream<DynamicTest> properties() {
        return CheckTests.of(new Bind0Checks(Bench.current()).properties());
    }
}
