package org.portzero.containers.run;

/**
 * One platform's run of the runner jar: on this machine ({@link HostRun}) or in a container
 * ({@link ContainerRun}). Never throws for a broken platform; the outcome says it broke.
 */
public interface PlatformExecution {

    String platformId();

    RunOutcome run();
}
