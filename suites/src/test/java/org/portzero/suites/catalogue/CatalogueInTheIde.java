package org.portzero.suites.catalogue;

import org.junit.jupiter.api.DisplayName;

/**
 * The catalogue on this machine, from an IDE or from Maven, one check or a few at a time: the
 * {@link CatalogueSuite}'s dynamic tests, named by their check ids, in a test class an IDE runs as
 * it runs any other. Narrow it with VM options: {@code -Dportzero.checks=<check id or glob>} or
 * {@code -Dportzero.families=<family,…>}; add the suites' {@code --add-opens} options (the
 * {@code portzero.opens} property of suites/pom.xml) where the IDE does not take Surefire's
 * {@code argLine}. Its name matches none of Surefire's default patterns, so {@code mvn test} leaves
 * it out; from Maven it runs with {@code -Dtest=CatalogueInTheIde} (docs/CHECKS.md, "One check alone").
 */
@DisplayName("portzero catalogue (this machine)")
class CatalogueInTheIde extends CatalogueSuite {
}
