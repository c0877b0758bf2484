package org.portzero.containers.engine;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One version of the Docker Engine API, {@code 1.41}: what a client puts in front of every path
 * ({@code /v1.41/containers/create}) and an engine answers in {@code GET /version}.
 */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {

    private static final Pattern SHAPE = Pattern.compile("(\\d+)\\.(\\d+)");
    private static final Comparator<ApiVersion> ORDER =
            Comparator.comparingInt(ApiVersion::major).thenComparingInt(ApiVersion::minor);

    public ApiVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("an API version is two whole numbers, was " + major + "." + minor);
        }
    }

    /** {@code "1.41"} → 1.41; anything else is refused, naming it. */
    public static ApiVersion parse(String text) {
        Matcher m = SHAPE.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a Docker API version (like 1.41)");
        }
        return new ApiVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public boolean isNewerThan(ApiVersion other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(ApiVersion other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
