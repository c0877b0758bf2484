package org.portzero.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The judgement of one check on one platform, as in Web Platform Tests' statuses: a behaviour
 * deviation ({@code FAIL}) is kept apart from a harness fault ({@code BROKEN}). The declaration
 * order is the one order every log line, table and report counts them in; {@link #id()} is the one
 * spelling every file uses.
 */
public enum Verdict {
    /** The claim held. */
    PASS,
    /** The claim did not hold and no expectation lists it: unexpected behaviour. */
    FAIL,
    /** The claim did not hold, as an expectation entry says it does not on this platform. */
    XFAIL,
    /** An expectation entry says the claim does not hold here, yet it held. */
    XPASS,
    /**
     * The claim failed, then held when the check ran again in the same platform: both runs'
     * observations are kept. Reported loudly; it does not fail a build on its own.
     */
    FLAKY,
    /** A precondition is unmet (no IPv6, an option the kernel lacks); the reason says which. */
    SKIP,
    /** The harness itself failed: the check could not be judged. */
    BROKEN;

    /** {@code pass}, {@code fail}, …: the spelling in every file. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The one spelling, in log lines and messages too. */
    @Override
    public String toString() {
        return id();
    }

    /** The verdict a file spells {@code text} (any case), or empty. */
    public static Optional<Verdict> parse(String text) {
        return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(text)).findFirst();
    }

    @JsonCreator
    static Verdict fromJson(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a verdict: '" + text + "'"));
    }

    /** fail and broken: the verdicts that fail a build. */
    public boolean failsTheGate() {
        return this == FAIL || this == BROKEN;
    }

    /** pass and xpass: the check's claim held. */
    public boolean holds() {
        return this == PASS || this == XPASS;
    }

    /**
     * A JUnit status message that names this verdict, {@code skip: no IPv6}: the suites report
     * skip, xfail and flaky all as "aborted", and the reports tell them apart by this label alone.
     */
    public String labelled(String detail) {
        return id() + ": " + detail;
    }

    /** The regular expression that recognises a {@link #labelled} message. */
    public String labelPattern() {
        return "(?s)" + id() + ": .*";
    }

    /** Every spelling, in order: {@code pass, fail, xfail, xpass, flaky, skip, broken}. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Verdict::id).toList();
    }

    /** {@link #ids()} as one line, for messages. */
    public static String spellings() {
        return String.join(", ", ids());
    }
}
