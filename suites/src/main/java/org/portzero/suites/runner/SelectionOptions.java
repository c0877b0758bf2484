package org.portzero.suites.runner;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.portzero.model.Family;
import org.portzero.model.RunnerProperty;
import org.portzero.model.CheckSelection;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * Which checks: {@code --families} and {@code --checks}, the options of {@link RunnerProperty#FAMILIES}
 * and {@link RunnerProperty#CHECKS} ({@link RunnerProperty#option()}). The runner, the platform matrix
 * and the catalogue listing take them alike.
 */
public final class SelectionOptions {

    @Option(names = "--families", split = ",", paramLabel = "FAMILY", converter = FamilyId.class,
            completionCandidates = FamilyId.class,
            description = "Only these families, comma-separated: ${COMPLETION-CANDIDATES}.")
    private List<Family> families = List.of();

    @Option(names = "--checks", paramLabel = "GLOB[,GLOB]", converter = Globs.class,
            description = "Only the checks whose ids match a glob ('*' crosses dots, '?' is one character): "
                    + "'bind0.*' a family, '*.port_in_range' one check of every variant.")
    private CheckSelection checks = CheckSelection.EVERY_CHECK;

    /** The families named, in the order given; empty when none were. */
    public List<Family> families() {
        return families;
    }

    public CheckSelection checks() {
        return checks;
    }

    /** The options given, as the runner properties they stand for. */
    public Map<RunnerProperty, String> given() {
        Map<RunnerProperty, String> given = new EnumMap<>(RunnerProperty.class);
        if (!families.isEmpty()) {
            given.put(RunnerProperty.FAMILIES, families.stream().map(Family::id).collect(Collectors.joining(",")));
        }
        if (!checks.selectsEverything()) {
            given.put(RunnerProperty.CHECKS, checks.toString());
        }
        return given;
    }

    /** A family by its id ({@code bind0}); the ids are what the shell completes. */
    static final class FamilyId implements ITypeConverter<Family>, Iterable<String> {
        @Override
        public Family convert(String id) {
            return Family.of(id);
        }

        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Family.values()).map(Family::id).iterator();
        }
    }

    /** Comma-separated globs over check ids, refused when a glob's family part names no family. */
    static final class Globs implements ITypeConverter<CheckSelection> {
        @Override
        public CheckSelection convert(String text) {
            return CheckSelection.of(text);
        }
    }
}
