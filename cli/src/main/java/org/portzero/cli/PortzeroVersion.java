package org.portzero.cli;

import org.portzero.model.HarnessVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code portzero --version}: the project version the jar was built as. */
public final class PortzeroVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"portzero " + HarnessVersion.of(Portzero.class)};
    }
}
