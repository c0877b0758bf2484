package org.portzero.model;

import java.util.List;
import java.util.Map;

/**
 * What {@code observations.json} says about the run as a whole, before its results.
 *
 * @param schemaVersion   {@link ObservationsFile#SCHEMA_VERSION} when written
 * @param harnessVersion  the runner jar's version, or {@code dev}
 * @param finishedAt      ISO-8601 instant the runner finished
 * @param wallMillis      the runner's own wall time
 * @param families        the families the run was asked for, in run order
 * @param generatorReach  family → layer → the kinds (socket shapes, call kinds) the properties generated
 * @param openDescriptors family → {before, after}: the runner's open file descriptors around the family
 * @param catalogue       per family run, the check ids it listed (or why it could not list them)
 */
public record ObservationsHeader(int schemaVersion, String harnessVersion, String finishedAt, long wallMillis,
                                 List<Family> families, Map<String, Map<String, List<String>>> generatorReach,
                                 Map<String, Map<String, Integer>> openDescriptors, List<FamilyPlan> catalogue) {
}
