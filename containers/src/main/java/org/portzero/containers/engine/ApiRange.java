package org.portzero.containers.engine;

import java.util.Optional;

/** The API versions one side speaks, both ends included: {@code 1.12–1.41}. */
public record ApiRange(ApiVersion oldest, ApiVersion newest) {

    public ApiRange {
        if (oldest.isNewerThan(newest)) {
            throw new IllegalArgumentException("an API range runs from old to new, was " + oldest + "–" + newest);
        }
    }

    public static ApiRange of(String oldest, String newest) {
        return new ApiRange(ApiVersion.parse(oldest), ApiVersion.parse(newest));
    }

    public boolean contains(ApiVersion version) {
        return !oldest.isNewerThan(version) && !version.isNewerThan(newest);
    }

    /** The versions both ranges hold, or empty when they have none in common. */
    public Optional<ApiRange> overlap(ApiRange other) {
        ApiVersion from = oldest.isNewerThan(other.oldest) ? oldest : other.oldest;
        ApiVersion to = newest.isNewerThan(other.newest) ? other.newest : newest;
        return from.isNewerThan(to) ? Optional.empty() : Optional.of(new ApiRange(from, to));
    }

    @Override
    public String toString() {
        return oldest + "–" + newest;
    }
}
