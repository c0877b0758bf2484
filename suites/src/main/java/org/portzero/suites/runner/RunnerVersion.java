package org.portzero.suites.runner;

import org.portzero.model.HarnessVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the harness version of the jar the runner came from. */
public final class RunnerVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"portzero " + HarnessVersion.of(RunnerVersion.class)};
    }
}
