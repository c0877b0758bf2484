package org.portzero.suites.probe;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.portzero.agent.AgentMain;
import org.portzero.agent.Wire;
import org.portzero.model.JdkIdentity;

/**
 * The probe agent ({@link AgentMain}) running in the JDK under test, a child process spoken to
 * over its stdin and stdout ({@link Wire}). Each runner thread is a lane of its own; whichever
 * thread waits reads the next answer and hands it to its lane. Requests that need no answer
 * (housekeeping) are not waited for: their answers are skipped when they arrive.
 */
public final class AgentProcess implements AutoCloseable {

    /** What the JDK under test needs to let the agent read its sockets' descriptors (9+; 8 ignores the variable). */
    static final String OPENS = "--add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED"
            + " --add-opens=java.base/sun.nio.ch=ALL-UNNAMED";

    private final Process process;
    private final OutputStream requests;
    private final InputStream answers;
    private final Object readLock = new Object();
    private final Map<String, Lane> lanes = new HashMap<>();
    private final ThreadLocal<Lane> own = ThreadLocal.withInitial(this::newLane);
    private final JdkIdentity jdk;
    private final Map<String, String> netProperties = new TreeMap<>();
    private int laneCount;

    /** A lane: the answers that arrived for it, and how many of the first are to be skipped. */
    private static final class Lane {
        final String id;
        final ArrayDeque<List<String>> arrived = new ArrayDeque<>();
        final java.util.concurrent.atomic.AtomicInteger skip = new java.util.concurrent.atomic.AtomicInteger();

        Lane(String id) {
            this.id = id;
        }
    }

    /**
     * Starts the agent on {@code java} with this runner's own class path (the runner jar, or the
     * build's class folders), and asks it which JDK it is.
     */
    public static AgentProcess start(Path java) {
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                AgentMain.class.getName());
        builder.environment().put("JDK_JAVA_OPTIONS", OPENS);
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            return new AgentProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the probe agent on " + java + ": " + e.getMessage(), e);
        }
    }

    private AgentProcess(Process process) {
        this.process = process;
        this.requests = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
        this.answers = new BufferedInputStream(process.getInputStream(), 1 << 16);
        List<String> hello = call(Wire.HELLO_OP);
        Map<String, String> said = new HashMap<>();
        for (int i = 1; i + 1 < hello.size(); i += 2) {
            if (hello.get(i + 1) != null) {
                said.put(hello.get(i), hello.get(i + 1));
            }
        }
        jdk = new JdkIdentity(said.get("java.vendor"), said.get("java.version"), said.get("java.vm.version"));
        said.forEach((k, v) -> {
            if (k.startsWith("java.net.") || k.startsWith("jdk.net.") || k.startsWith("sun.net.")) {
                netProperties.put(k, v);
            }
        });
    }

    /** The JDK the agent runs in. */
    public JdkIdentity jdk() {
        return jdk;
    }

    /** The agent JVM's {@code java.net.*}, {@code jdk.net.*} and {@code sun.net.*} properties that are set. */
    public Map<String, String> netProperties() {
        return Map.copyOf(netProperties);
    }

    private synchronized Lane newLane() {
        Lane lane = new Lane(String.valueOf(laneCount++));
        lanes.put(lane.id, lane);
        return lane;
    }

    /** Sends a request and waits for its answer (the answer's fields after the lane). */
    List<String> call(String... request) {
        Lane lane = own.get();
        send(lane, request);
        return await(lane);
    }

    /** Sends a request whose answer nobody waits for. */
    void tell(String... request) {
        Lane lane = own.get();
        lane.skip.incrementAndGet();
        send(lane, request);
    }

    private void send(Lane lane, String... request) {
        String[] fields = new String[request.length + 1];
        fields[0] = lane.id;
        System.arraycopy(request, 0, fields, 1, request.length);
        byte[] line = (Wire.line(fields) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (requests) {
            try {
                requests.write(line);
                requests.flush();
            } catch (IOException e) {
                throw new IllegalStateException("the probe agent is gone: " + exitText(), e);
            }
        }
    }

    private List<String> await(Lane lane) {
        synchronized (readLock) {
            while (true) {
                while (!lane.arrived.isEmpty()) {
                    List<String> answer = lane.arrived.poll();
                    if (lane.skip.get() > 0) {
                        lane.skip.decrementAndGet();
                        continue;
                    }
                    if (Wire.ERROR.equals(answer.get(0))) {
                        throw new IllegalStateException("the probe agent refused a request: " + answer.get(1));
                    }
                    return answer;
                }
                List<String> next = Wire.fields(readLine());
                Lane to = lanes.get(next.get(0));
                if (to == null) {
                    throw new IllegalStateException("the probe agent answered for no lane: " + next);
                }
                to.arrived.add(next.subList(1, next.size()));
                readLock.notifyAll();
            }
        }
    }

    private String readLine() {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        try {
            while (true) {
                int b = answers.read();
                if (b < 0) {
                    throw new IllegalStateException("the probe agent ended its answers: " + exitText());
                }
                if (b == '\n') {
                    return line.toString(StandardCharsets.UTF_8);
                }
                line.write(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the probe agent's answer", e);
        }
    }

    private String exitText() {
        return process.isAlive() ? "still running" : "exited with " + process.exitValue();
    }

    /** Ends the agent: its input closes, it releases what it still holds and exits. */
    @Override
    public void close() {
        try {
            requests.close();
        } catch (IOException ignored) {
            // Gone already.
        }
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
