package org.portzero.reports.diff;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How one (platform, check) cell moved between a baseline matrix and the current one.
 * Failing means {@code fail} or {@code broken}; holding means {@code pass} or {@code xpass}.
 */
public enum DiffKind {
    /** Not failing before (or absent), failing now: fails the build. */
    NEWLY_FAILING,
    /** Failing before, holding now. */
    NEWLY_PASSING,
    /** Any other change of verdict (pass → skip, xfail → pass, fail → broken…). */
    VERDICT_CHANGED,
    /** Same verdict, different short-form outcome (EADDRINUSE → EADDRNOTAVAIL). */
    CHANGED_OBSERVATION,
    /** The check is new on this platform (or the platform is new) and not failing. */
    ADDED,
    /** The check (or the platform) is gone. */
    REMOVED;

    /** The kind as diff.json spells it: {@code newly_failing}… */
    @JsonValue
    public String id() {
        return name().toLowerCase();
    }
}
