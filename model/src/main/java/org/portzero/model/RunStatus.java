package org.portzero.model;

/**
 * How a platform run ended, independent of the verdicts inside it: it ran to the end, it broke
 * (no image, non-zero exit, timeout, no results), or it was skipped (cannot exist here).
 */
public enum RunStatus {
    COMPLETED, BROKEN, SKIPPED
}
