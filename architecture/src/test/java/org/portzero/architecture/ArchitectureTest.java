package org.portzero.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layout docs/ARCHITECTURE.md describes, held by the compiled main code: the model owns the
 * run contract and depends on Jackson alone; suites, containers and reports meet only in the run
 * directory (through the model), never by importing each other; the cli puts their commands under
 * one command line and nothing depends on it; no package is part of a cycle.
 */
class ArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainCode() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.portzero");
    }

    @Test
    void theModelDependsOnJacksonAlone() {
        noClasses().that().resideInAPackage("org.portzero.model..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.portzero.model..", "java..",
                        "com.fasterxml.jackson..")
                .check(main);
    }

    @Test
    void theRoomsNeverImportEachOther() {
        for (String room : new String[] {"suites", "containers", "reports"}) {
            noClasses().that().resideInAPackage("org.portzero." + room + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(otherRooms(room))
                    .because("the run directory, read and written through org.portzero.model, is their only interface")
                    .check(main);
        }
    }

    @Test
    void nothingDependsOnTheCli() {
        noClasses().that().resideOutsideOfPackage("org.portzero.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.portzero.cli..")
                .because("the cli only assembles the rooms' commands; the rooms and their jars stand without it")
                .check(main);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.portzero.(**)").should().beFreeOfCycles().check(main);
    }

    private static String[] otherRooms(String room) {
        return java.util.Arrays.stream(new String[] {"suites", "containers", "reports"}).filter(r -> !r.equals(room))
                .map(r -> "org.portzero." + r + "..").toArray(String[]::new);
    }
}
