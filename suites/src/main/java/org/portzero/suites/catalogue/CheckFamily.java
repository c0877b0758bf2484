package org.portzero.suites.catalogue;

import java.util.stream.Stream;
import org.portzero.model.Family;

/**
 * A family's checks. Each {@link Family} has its package {@code org.portzero.suites.checks.<id>},
 * and that package has one class {@code FamilyChecks} implementing this: the family's list in
 * {@link Family} is the only registration (docs/ARCHITECTURE.md, "Adding a family"). The lookup is
 * by name so that the catalogue never depends on the checks that depend on it.
 */
public interface CheckFamily {

    /** The class every family package holds. */
    String ENTRY_CLASS = "FamilyChecks";

    /** Every check of the family, in the order they run. */
    Stream<Check> checks(Bench bench);

    /** {@code org.portzero.suites.checks.bind0}. */
    static String packageOf(Family family) {
        return "org.portzero.suites.checks." + family.id();
    }

    /** The family's checks; a family without its package is a harness fault naming the class it lacks. */
    static CheckFamily of(Family family) {
        String name = packageOf(family) + "." + ENTRY_CLASS;
        try {
            return (CheckFamily) Class.forName(name).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("family " + family.id() + " has no " + name + " implementing "
                    + CheckFamily.class.getSimpleName() + ": " + e, e);
        }
    }
}
