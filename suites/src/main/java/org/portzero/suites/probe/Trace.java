package org.portzero.suites.probe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The history of one check: every observation in call order, and every socket it opened so
 * that all of them are closed when the check ends. Not thread-safe; one trace per check.
 */
public final class Trace implements AutoCloseable {

    private final List<Observation> observations = new ArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();
    private int sockets;

    /** A fresh socket label: {@code s1}, {@code s2}, … */
    String nextLabel() {
        return "s" + (++sockets);
    }

    Observation record(Observation observation) {
        observations.add(observation);
        return observation;
    }

    void track(AutoCloseable resource) {
        open.add(resource);
    }

    /** Appends another trace's observations (a property's smallest counterexample). */
    public void adopt(List<Observation> others) {
        observations.addAll(others);
    }

    public List<Observation> observations() {
        return Collections.unmodifiableList(observations);
    }

    /** Closes every resource opened under this trace, newest first; close failures are not recorded. */
    @Override
    public void close() {
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception ignored) {
                // The check has already been judged; a socket that will not close is the OS's problem now.
            }
        }
        open.clear();
    }
}
