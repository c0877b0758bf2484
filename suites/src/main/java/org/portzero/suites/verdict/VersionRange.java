package org.portzero.suites.verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * A version condition such as {@code ">=6.1 <6.3"}: space-separated comparisons that must all
 * hold. Versions compare numerically part by part ({@code 6.12 > 6.9}); missing parts count as 0.
 */
public final class VersionRange {

    private record Bound(String operator, int[] version) {
    }

    private final List<Bound> bounds;
    private final String text;

    private VersionRange(List<Bound> bounds, String text) {
        this.bounds = bounds;
        this.text = text;
    }

    public static VersionRange parse(String text) {
        List<Bound> bounds = new ArrayList<>();
        for (String token : text.trim().split("\\s+")) {
            String op = token.startsWith(">=") || token.startsWith("<=") || token.startsWith("==") ? token.substring(0, 2)
                    : token.startsWith(">") || token.startsWith("<") || token.startsWith("=") ? token.substring(0, 1) : "=";
            String number = token.substring(op.equals("=") && !token.startsWith("=") ? 0 : op.length());
            if (!number.matches("\\d+(\\.\\d+)*")) {
                throw new IllegalArgumentException("not a version comparison: '" + token
                        + "' (expected e.g. '>=6.1', '<6.3', '17')");
            }
            bounds.add(new Bound(op.equals("==") ? "=" : op, parts(number)));
        }
        if (bounds.isEmpty()) {
            throw new IllegalArgumentException("empty version range");
        }
        return new VersionRange(bounds, text.trim());
    }

    public boolean contains(String version) {
        int[] v = parts(version.replaceAll("[^0-9.].*$", ""));
        for (Bound b : bounds) {
            int c = compare(v, b.version);
            boolean ok = switch (b.operator) {
                case ">=" -> c >= 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case "<" -> c < 0;
                default -> compare(truncate(v, b.version.length), b.version) == 0;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static int[] truncate(int[] v, int length) {
        int[] t = new int[length];
        System.arraycopy(v, 0, t, 0, Math.min(length, v.length));
        return t;
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? a[i] : 0;
            int y = i < b.length ? b[i] : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    private static int[] parts(String version) {
        if (version.isEmpty()) {
            return new int[0];
        }
        String[] s = version.split("\\.");
        int[] p = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            p[i] = Integer.parseInt(s[i]);
        }
        return p;
    }

    @Override
    public String toString() {
        return text;
    }
}
