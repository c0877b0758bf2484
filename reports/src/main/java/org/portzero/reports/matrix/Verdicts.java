package org.portzero.reports.matrix;

import java.util.List;

/**
 * The verdict vocabulary the suites write (DESIGN.md, "Verdicts"), in display order. Reports
 * only group and colour these words; they never compute one.
 */
public final class Verdicts {

    /** pass, fail, xfail, xpass, skip, broken, flaky — then {@code absent} for a check a platform lacks. */
    public static final List<String> ORDER = List.of("pass", "fail", "xfail", "xpass", "skip", "broken", "flaky");

    public static final String ABSENT = "absent";

    private Verdicts() {
    }

    /** fail and broken: the verdicts that fail a build. */
    public static boolean failing(String verdict) {
        return "fail".equals(verdict) || "broken".equals(verdict);
    }

    /** pass and xpass: the check held. */
    public static boolean holding(String verdict) {
        return "pass".equals(verdict) || "xpass".equals(verdict);
    }
}
