package org.portzero.agent;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code java -cp portzero-suites-runner.jar org.portzero.agent.AgentMain}: the probe agent. Reads
 * requests on stdin, performs each through the JDK it runs in, and answers on stdout, one line
 * per request ({@link Wire}). Every request names its lane, the runner thread it came from: a lane's
 * requests run in order on a thread of the agent's own, so calls the runner makes from several
 * threads at once (8 threads racing bind(0)) race in the JDK under test too. Ends at the end of its
 * input, closing whatever is still open. It never judges.
 */
public final class AgentMain {

    private static final Charset UTF8 = Charset.forName("UTF-8");
    /** The properties that decide the JDK's socket behaviour, reported by hello beside the JDK's name. */
    private static final String[] PROPERTIES = {
            "java.vendor", "java.version", "java.vm.version", "java.home",
            "java.net.preferIPv4Stack", "java.net.preferIPv6Addresses", "jdk.net.usePlainSocketImpl",
            "jdk.net.usePlainDatagramSocketImpl", "sun.net.useExclusiveBind"};

    private final Map<Integer, JdkProbe> sockets = new ConcurrentHashMap<Integer, JdkProbe>();
    private final AtomicInteger nextHandle = new AtomicInteger();
    private final Map<String, ExecutorService> lanes = new HashMap<String, ExecutorService>();

    private AgentMain() {
    }

    public static void main(String[] args) throws IOException {
        InputStream in = new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16);
        OutputStream out = new java.io.BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        // Nothing else may write to stdout: it carries the answers.
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        new AgentMain().serve(in, out);
    }

    void serve(InputStream in, final OutputStream out) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        try {
            while (true) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                final String request = new String(line.toByteArray(), UTF8);
                line.reset();
                int tab = request.indexOf('\t');
                final String lane = request.substring(0, tab);
                lane(lane).execute(new Runnable() {
                    @Override
                    public void run() {
                        String answer = lane + "\t" + answer(request.substring(tab + 1));
                        synchronized (out) {
                            try {
                                out.write(answer.getBytes(UTF8));
                                out.write('\n');
                                out.flush();
                            } catch (IOException e) {
                                // The runner is gone; the end of input ends the agent.
                            }
                        }
                    }
                });
            }
        } finally {
            for (ExecutorService e : lanes.values()) {
                e.shutdown();
                try {
                    e.awaitTermination(JdkProbe.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
            for (JdkProbe s : sockets.values()) {
                s.release();
            }
        }
    }

    private ExecutorService lane(String lane) {
        ExecutorService e = lanes.get(lane);
        if (e == null) {
            e = Executors.newSingleThreadExecutor(new ThreadFactory() {
                @Override
                public Thread newThread(Runnable r) {
                    Thread t = new Thread(r, "portzero-agent-lane");
                    t.setDaemon(true);
                    return t;
                }
            });
            lanes.put(lane, e);
        }
        return e;
    }

    String answer(String request) {
        try {
            return dispatch(Wire.fields(request));
        } catch (RuntimeException e) {
            return Wire.line(Wire.ERROR, "request '" + request + "': " + e);
        }
    }

    private String dispatch(List<String> f) {
        String op = f.get(0);
        if (op.equals(Wire.HELLO_OP)) {
            String[] answer = new String[1 + 2 * PROPERTIES.length];
            answer[0] = Wire.HELLO;
            for (int i = 0; i < PROPERTIES.length; i++) {
                answer[1 + 2 * i] = PROPERTIES[i];
                answer[2 + 2 * i] = System.getProperty(PROPERTIES[i]);
            }
            return Wire.line(answer);
        }
        if (op.equals(Wire.OPEN)) {
            // open \t layer \t family (4|6|46) \t transport (tcp|udp) \t role (client|listener)
            return open(f.get(1), f.get(2), f.get(3), f.get(4)).line();
        }
        if (op.equals(Wire.CROWD)) {
            // crowd \t layer \t family \t transport \t role \t address hex \t port \t address as spelled \t count
            InetSocketAddress local = address(f.get(5), f.get(6));
            int count = Integer.parseInt(f.get(8));
            StringBuilder answer = new StringBuilder();
            for (int i = 0; i < count; i++) {
                Result opened = open(f.get(1), f.get(2), f.get(3), f.get(4));
                append(answer, opened);
                if (opened.handle != 0) {
                    JdkProbe s = sockets.get(Integer.valueOf(opened.handle));
                    append(answer, s.bind(local, f.get(7)));
                    append(answer, s.getsockname());
                }
            }
            return answer.toString();
        }
        if (op.equals(Wire.RELEASE)) {
            for (String handle : f.subList(1, f.size())) {
                JdkProbe s = sockets.remove(Integer.valueOf(handle));
                if (s != null) {
                    s.release();
                }
            }
            return Result.done("", null).line();
        }
        JdkProbe s = sockets.get(Integer.valueOf(f.get(1)));
        if (s == null) {
            throw new IllegalArgumentException("no socket " + f.get(1));
        }
        Result r;
        if (op.equals(Wire.BIND)) {
            r = s.bind(address(f.get(2), f.get(3)), f.get(4));
        } else if (op.equals(Wire.LISTEN)) {
            r = s.listen(Integer.parseInt(f.get(2)));
        } else if (op.equals(Wire.CONNECT)) {
            r = s.connect(address(f.get(2), f.get(3)), f.get(4));
        } else if (op.equals(Wire.ACCEPT)) {
            JdkProbe.Accepted a = s.accept();
            r = keep(a.result, a.socket);
        } else if (op.equals(Wire.SEND)) {
            r = s.send(address(f.get(2), f.get(3)), f.get(4), Wire.unhex(f.get(5)));
        } else if (op.equals(Wire.GETSOCKNAME)) {
            r = s.getsockname();
        } else if (op.equals(Wire.GETPEERNAME)) {
            r = s.getpeername();
        } else if (op.equals(Wire.SETSOCKOPT)) {
            r = s.setsockopt(f.get(2), Integer.parseInt(f.get(3)));
        } else if (op.equals(Wire.STATE)) {
            r = s.state();
        } else if (op.equals(Wire.KERNEL_SOCKNAME)) {
            r = s.kernelName(false, f.get(2));
        } else if (op.equals(Wire.KERNEL_PEERNAME)) {
            r = s.kernelName(true, f.get(2));
        } else if (op.equals(Wire.SHUTDOWN)) {
            r = s.shutdown();
        } else if (op.equals(Wire.CLOSE)) {
            r = s.close();
        } else if (op.equals(Wire.RESET_ON_CLOSE)) {
            s.resetOnClose();
            r = Result.done("", null);
        } else {
            throw new IllegalArgumentException("unknown operation " + op);
        }
        return r.line();
    }

    /** Opens a socket of the layer, keeping it under a new handle when the open succeeded. */
    private Result open(String layer, String family, String transport, String role) {
        boolean udp = transport.equals("udp");
        boolean listener = role.equals("listener");
        JdkProbe.Opened opened = layer.equals("socket") ? ClassicProbes.open(udp, listener)
                : layer.equals("nio") ? ChannelProbes.openNio(family, udp, listener)
                : ChannelProbes.openAsync(listener);
        return keep(opened.result, opened.socket);
    }

    /** A crowd's answer: its results one after the other, {@link Wire#RESULT_FIELDS} fields each. */
    private static void append(StringBuilder answer, Result r) {
        if (answer.length() > 0) {
            answer.append('\t');
        }
        answer.append(r.line());
    }

    private Result keep(Result r, JdkProbe socket) {
        if (socket != null) {
            int handle = nextHandle.incrementAndGet();
            sockets.put(Integer.valueOf(handle), socket);
            r.handle = handle;
        }
        return r;
    }

    /** An address from its hex bytes and port; null (a disconnect, a send on a connected socket) when absent. */
    private static InetSocketAddress address(String hex, String port) {
        if (hex == null) {
            return null;
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(Wire.unhex(hex)), Integer.parseInt(port));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + hex, e);
        }
    }
}
