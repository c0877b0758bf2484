package org.portzero.reports.matrix;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.portzero.model.PortNames;

/**
 * The short form of an observed outcome, as a matrix cell shows it and as the diff compares it.
 * Checks spell their outcomes port-free ({@link PortNames}); for a run recorded before they did,
 * each number inside the platform's {@code ip_local_port_range} is named the same way
 * ({@code api=56723 kernel=56723} becomes {@code api=P1 kernel=P1}), keeping the equality and
 * dropping the noise. Numbers outside the range (a port that should not have been
 * handed out, a count) stay as they are. Without an observed value the check's message is used
 * (a skip's reason). Whitespace is collapsed; nothing else is changed.
 */
public final class OutcomeForm {

    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])\\d{4,5}(?![\\w.])");
    private static final int CELL_WIDTH = 60;

    private OutcomeForm() {
    }

    public static String of(String observed, String message, int rangeLow, int rangeHigh) {
        String text = observed != null && !observed.isBlank() ? observed : message;
        if (text == null || text.isBlank()) {
            return "";
        }
        String collapsed = text.strip().replaceAll("\\s+", " ");
        if (rangeLow <= 0 || rangeHigh < rangeLow) {
            return collapsed;
        }
        PortNames names = new PortNames();
        Matcher m = NUMBER.matcher(collapsed);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = Integer.parseInt(m.group());
            String replacement = m.group();
            if (n >= rangeLow && n <= rangeHigh) {
                replacement = names.name(n);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A cell's text: the short form cut to fit a column, with an ellipsis when cut. */
    public static String cell(String outcome) {
        if (outcome.length() <= CELL_WIDTH) {
            return outcome;
        }
        return outcome.substring(0, CELL_WIDTH - 1) + "…";
    }
}
