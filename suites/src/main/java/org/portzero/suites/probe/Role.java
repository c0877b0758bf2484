package org.portzero.suites.probe;

/**
 * Which JDK class stands for a TCP socket: {@code ServerSocket}-like listeners and
 * {@code Socket}-like clients are different types in every JDK API. UDP and libc ignore it.
 */
public enum Role {
    CLIENT, LISTENER
}
