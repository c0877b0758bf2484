package org.portzero.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What the kernel answered when the runner asked it for something it may not offer, e.g.
 * {@code socket(AF_INET, SOCK_STREAM, IPPROTO_MPTCP)}. Read on the platform at hand, never
 * inferred from a version: distributions build and backport features as they choose.
 *
 * @param call    the call as made, {@code socket(AF_INET, SOCK_STREAM, IPPROTO_MPTCP)}
 * @param refusal the errno it answered ({@code EPROTONOSUPPORT}), or null when it accepted
 */
public record KernelAnswer(String call, String refusal) {

    public static KernelAnswer accepted(String call) {
        return new KernelAnswer(call, null);
    }

    public static KernelAnswer refused(String call, String errno) {
        return new KernelAnswer(call, errno);
    }

    @JsonIgnore
    public boolean offered() {
        return refusal == null;
    }

    /** {@code socket(AF_INET, SOCK_STREAM, IPPROTO_MPTCP) → EPROTONOSUPPORT}, or {@code → a descriptor}. */
    @Override
    public String toString() {
        return call + " → " + (offered() ? "a descriptor" : refusal);
    }
}
