package org.portzero.containers.image;

/** What became of a platform's image: ready to run, or unavailable (skipped or broken) and why. */
public sealed interface ImageOutcome {

    /**
     * @param tag     the tag containers are created from ({@code portzero/<id>:r<hash>})
     * @param imageId the engine's image id
     * @param built   whether this run built it (false on a warm run)
     * @param millis  time spent building (0 when nothing was built)
     */
    record Ready(String tag, String imageId, boolean built, long millis) implements ImageOutcome {}

    /**
     * @param skipped true when the platform cannot exist on this machine by design (a missing
     *                local JDK directory); false when something broke (a failed build)
     */
    record Unavailable(String reason, boolean skipped) implements ImageOutcome {}
}
