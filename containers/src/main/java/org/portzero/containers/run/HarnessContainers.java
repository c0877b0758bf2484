package org.portzero.containers.run;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The containers this harness creates. Each carries labels naming the harness, the platform,
 * and the process that made it; containers whose maker is gone are stale and swept at start
 * (there is no Ryuk here to reap them). Containers alive when the JVM stops (SIGINT, SIGTERM)
 * are removed, each after its {@code salvage} action has kept what it can (its console log).
 */
public final class HarnessContainers {

    public static final String LABEL_HARNESS = "org.portzero.harness";
    public static final String HARNESS = "platform-run";
    public static final String LABEL_PLATFORM = "org.portzero.platform";
    public static final String LABEL_PID = "org.portzero.pid";
    public static final String LABEL_HOST = "org.portzero.host";

    private final DockerClient docker;
    private final Consumer<String> log;
    /** Running containers, each with what to save from it should the harness be stopped. */
    private final Map<String, Runnable> live = new ConcurrentHashMap<>();
    /** Exited containers handed to {@link #removeLater}, not yet removed. */
    private final Map<String, Boolean> removing = new ConcurrentHashMap<>();
    /**
     * Removes exited containers one at a time, off the platforms' path: a platform's run ends once its
     * results are copied out, and the next platform starts while the engine removes the last one.
     */
    private final ExecutorService remover = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "portzero-container-removal");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean stopping;
    private final String host = hostName();

    public HarnessContainers(DockerClient docker, Consumer<String> log) {
        this.docker = docker;
        this.log = log;
        Runtime.getRuntime().addShutdownHook(new Thread(this::removeLive, "portzero-container-cleanup"));
    }

    /** The labels of a new container for {@code platformId}. */
    public Map<String, String> labelsFor(String platformId) {
        return Map.of(LABEL_HARNESS, HARNESS,
                LABEL_PLATFORM, platformId,
                LABEL_PID, Long.toString(ProcessHandle.current().pid()),
                LABEL_HOST, host);
    }

    /** Removes labelled containers left by harness processes that no longer exist. */
    public int sweepStale() {
        List<Container> containers = docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(LABEL_HARNESS, HARNESS))
                .exec();
        int removed = 0;
        for (Container container : containers) {
            Map<String, String> labels = container.getLabels();
            if (isStale(labels, host)) {
                try {
                    docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
                    removed++;
                } catch (RuntimeException e) {
                    log.accept("could not remove stale container " + container.getId() + ": " + e.getMessage());
                }
            }
        }
        if (removed > 0) {
            log.accept("removed " + removed + " stale platform container(s) left by an earlier run");
        }
        return removed;
    }

    /**
     * Stale: made on this host by a process that is gone, or missing the labels that say who made
     * it. Containers of live harness processes (a concurrent build) and of other hosts sharing the
     * engine are left alone.
     */
    static boolean isStale(Map<String, String> labels, String thisHost) {
        String pid = labels.get(LABEL_PID);
        String madeOn = labels.get(LABEL_HOST);
        if (pid == null || madeOn == null) {
            return true;
        }
        if (!madeOn.equals(thisHost)) {
            return false;
        }
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** {@code containerId} runs; {@code salvage} keeps its partial output should the harness stop now. */
    public void started(String containerId, Runnable salvage) {
        live.put(containerId, salvage);
    }

    public void removed(String containerId) {
        live.remove(containerId);
    }

    /**
     * {@code containerId} has exited and its output is kept: {@code removal} removes it in the
     * background ({@link #awaitRemovals} waits for every one). Should the harness stop first, the
     * shutdown hook removes it instead; should the harness die, the next run sweeps it.
     */
    public void removeLater(String containerId, Consumer<String> problem, Runnable removal) {
        live.remove(containerId);
        removing.put(containerId, Boolean.TRUE);
        Runnable task = () -> {
            try {
                removal.run();
            } catch (RuntimeException e) {
                if (!stopping) {
                    problem.accept("could not remove container " + containerId + ": " + e.getMessage());
                }
            } finally {
                removing.remove(containerId);
            }
        };
        try {
            remover.execute(task);
        } catch (RejectedExecutionException e) {
            // The harness is stopping: its shutdown hook removes what it still lists, and the next
            // run sweeps anything left, by its labels.
            if (!stopping) {
                problem.accept("could not hand container " + containerId + " over for removal: " + e.getMessage());
            }
        }
    }

    /** Waits until every container handed to {@link #removeLater} is removed (up to {@code limit}). */
    public void awaitRemovals(Duration limit) throws InterruptedException {
        remover.shutdown();
        if (!remover.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            log.accept("still removing " + removing.size() + " container(s) after " + limit.toSeconds()
                    + " s; the next run sweeps what is left");
        }
    }

    /** True once the JVM is stopping: runs must not record what the removal does to their containers. */
    public boolean stopping() {
        return stopping;
    }

    private void removeLive() {
        stopping = true;
        remover.shutdownNow();
        for (String id : removing.keySet()) {
            try {
                docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            } catch (RuntimeException ignored) {
                // removed meanwhile, or the engine is gone; the next run sweeps it
            }
        }
        for (Map.Entry<String, Runnable> container : live.entrySet()) {
            String id = container.getKey();
            try {
                container.getValue().run();
            } catch (RuntimeException e) {
                log.accept("could not save the output of container " + id + ": " + e.getMessage());
            }
            try {
                docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            } catch (RuntimeException ignored) {
                // the engine may be gone; the next run sweeps it
            }
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
