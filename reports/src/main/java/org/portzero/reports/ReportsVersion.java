package org.portzero.reports;

import org.portzero.model.HarnessVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the harness version of the jar the reports came from. */
public final class ReportsVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"portzero " + HarnessVersion.of(ReportsVersion.class)};
    }
}
