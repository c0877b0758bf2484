package org.portzero.suites.probe;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.portzero.agent.Wire;

/**
 * A JDK layer ({@code socket}, {@code nio}, {@code async}) performed by the probe agent in the JDK
 * under test ({@link AgentProcess}): the same operations, with the same arguments and results, as
 * {@link ClassicLayer}, {@link ChannelLayer} and {@link AsyncLayer} record in the runner's own JVM.
 * Labels and the trace stay here; the agent only calls and answers. Opens of a transport the
 * layer has no sockets of are recorded by the in-process layer, as no JDK is involved.
 */
public final class AgentLayer implements SocketLayer {

    private final Layer layer;
    private final AgentProcess agent;
    private final SocketLayer inProcess;

    public AgentLayer(Layer layer, AgentProcess agent) {
        if (!layer.isJdk()) {
            throw new IllegalArgumentException("the agent runs JDK layers only, not " + layer.id());
        }
        this.layer = layer;
        this.agent = agent;
        this.inProcess = switch (layer) {
            case SOCKET -> new ClassicLayer();
            case NIO -> new ChannelLayer();
            default -> new AsyncLayer();
        };
    }

    @Override
    public Layer layer() {
        return layer;
    }

    @Override
    public ProbeSocket open(SocketShape shape, Role role, Trace trace) {
        if (!supports(shape.transport())) {
            return inProcess.open(shape, role, trace);
        }
        ProbeSocket socket = opened(shape, role, agent.call(request(Wire.OPEN, shape, role)), trace);
        if (socket instanceof RemoteSocket remote) {
            trace.track(remote::release);
        }
        return socket;
    }

    /** A request that opens: the operation, then layer, family, transport and role, then {@code more}. */
    private String[] request(String op, SocketShape shape, Role role, String... more) {
        String[] request = new String[5 + more.length];
        request[0] = op;
        request[1] = layer.id();
        request[2] = shape.family().suffix();
        request[3] = shape.transport().id();
        request[4] = role == Role.LISTENER ? "listener" : "client";
        System.arraycopy(more, 0, request, 5, more.length);
        return request;
    }

    /** Records an open's answer: a socket held by the agent, or the unopened stand-in. */
    private ProbeSocket opened(SocketShape shape, Role role, List<String> answer, Trace trace) {
        String label = trace.nextLabel();
        Observation opened = trace.record(observation(Operation.OPEN, label, answer));
        int handle = handle(answer);
        if (handle == 0) {
            requirePresent(opened);
            return new Unopened(layer, shape, label, trace);
        }
        return new RemoteSocket(handle, shape, role == Role.LISTENER && shape.transport().stream(), label, trace);
    }

    /**
     * The whole crowd in one request ({@link Wire#CROWD}); the answers are recorded as the rounds of
     * open, bind and getsockname would have recorded them. Sockets the agent opened after the one
     * that ended the crowd are released unrecorded; the crowd's sockets are released together.
     */
    @Override
    public void bindCrowd(SocketShape shape, Role role, InetSocketAddress local, int count, Trace trace,
                          CrowdMember each) {
        if (!supports(shape.transport()) || count <= 0) {
            inProcess.bindCrowd(shape, role, local, count, trace, each);
            return;
        }
        String[] at = address(local);
        List<Round> rounds = rounds(agent.call(request(Wire.CROWD, shape, role, at[0], at[1], at[2], String.valueOf(count))));
        List<String> held = new ArrayList<>();
        for (Round r : rounds) {
            if (r.handle() != 0) {
                held.add(String.valueOf(r.handle()));
            }
        }
        trace.track(() -> release(held));
        for (Round r : rounds) {
            ProbeSocket socket = opened(shape, role, r.open(), trace);
            boolean going = socket instanceof RemoteSocket remote
                    ? each.next(remote, remote.record(Operation.BIND, r.bind()), remote.record(Operation.GETSOCKNAME, r.name()))
                    : each.next(socket, socket.bind(local), socket.getsockname());
            if (!going) {
                return;
            }
        }
    }

    /** One socket of a crowd's answer: its open, and its bind and getsockname when it opened (else null). */
    private record Round(List<String> open, List<String> bind, List<String> name) {
        int handle() {
            return AgentLayer.handle(open);
        }
    }

    private static List<Round> rounds(List<String> answer) {
        List<Round> rounds = new ArrayList<>();
        int at = 0;
        while (at < answer.size()) {
            List<String> open = answer.subList(at, at += Wire.RESULT_FIELDS);
            if (handle(open) == 0) {
                rounds.add(new Round(open, null, null));
            } else {
                rounds.add(new Round(open, answer.subList(at, at += Wire.RESULT_FIELDS),
                        answer.subList(at, at += Wire.RESULT_FIELDS)));
            }
        }
        return rounds;
    }

    private void release(List<String> handles) {
        if (!handles.isEmpty()) {
            String[] request = new String[1 + handles.size()];
            request[0] = Wire.RELEASE;
            for (int i = 0; i < handles.size(); i++) {
                request[1 + i] = handles.get(i);
            }
            agent.tell(request);
        }
    }

    private static int handle(List<String> answer) {
        return Integer.parseInt(answer.get(8));
    }

    /** An answer as the observation the in-process layer would have recorded. */
    Observation observation(Operation op, String label, List<String> a) {
        // a: R, origin, arguments, endpoint, detail, errno, exception, message, handle
        boolean kernel = Wire.KERNEL.equals(a.get(1));
        Endpoint endpoint = a.get(3) == null ? null : endpoint(kernel, a.get(3));
        Failure failure = a.get(5) == null && a.get(6) == null ? null : new Failure(a.get(5), a.get(6), a.get(7));
        return new Observation(kernel ? Layer.LIBC : layer, op, label, a.get(2), endpoint, a.get(4), failure);
    }

    private static Endpoint endpoint(boolean kernel, String text) {
        int comma = text.indexOf(',');
        byte[] address = Wire.unhex(text.substring(0, comma));
        int port = Integer.parseInt(text.substring(comma + 1));
        if (kernel) {
            return address.length == 4 ? Endpoint.inet(address, port) : Endpoint.inet6(address, port);
        }
        try {
            return Endpoint.of(new InetSocketAddress(java.net.InetAddress.getByAddress(address), port));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("the probe agent answered an address of " + address.length + " bytes", e);
        }
    }

    /** A call the JDK under test cannot make: recorded, then the check skips with the agent's reason. */
    private static void requirePresent(Observation o) {
        if (o.failure() != null && Wire.MISSING_API.equals(o.failure().exception())) {
            throw new MissingApi(o.failure().message());
        }
    }

    private static String[] address(InetSocketAddress a) {
        return a == null
                ? new String[] {null, null, JdkSocket.describe(null)}
                : new String[] {Wire.hex(a.getAddress().getAddress()), String.valueOf(a.getPort()), JdkSocket.describe(a)};
    }

    private final class RemoteSocket implements ProbeSocket {
        private final String handle;
        private final SocketShape shape;
        /** A listener takes the accepted socket's label before it accepts, as the in-process layers do. */
        private final boolean listener;
        private final String label;
        private final Trace trace;

        RemoteSocket(int handle, SocketShape shape, boolean listener, String label, Trace trace) {
            this.handle = String.valueOf(handle);
            this.shape = shape;
            this.listener = listener;
            this.label = label;
            this.trace = trace;
        }

        private Observation call(Operation op, String... request) {
            return record(op, agent.call(request));
        }

        /** Records an answer about this socket; a call the JDK under test lacks ends the check as a skip. */
        Observation record(Operation op, List<String> answer) {
            Observation o = trace.record(observation(op, label, answer));
            requirePresent(o);
            return o;
        }

        private Observation withAddress(Operation op, String name, InetSocketAddress a, String... more) {
            String[] at = address(a);
            String[] request = new String[5 + more.length];
            request[0] = name;
            request[1] = handle;
            System.arraycopy(at, 0, request, 2, 3);
            System.arraycopy(more, 0, request, 5, more.length);
            return call(op, request);
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public Layer layer() {
            return layer;
        }

        @Override
        public SocketShape shape() {
            return shape;
        }

        @Override
        public Observation bind(InetSocketAddress local) {
            return withAddress(Operation.BIND, Wire.BIND, local);
        }

        @Override
        public Observation listen(int backlog) {
            return call(Operation.LISTEN, Wire.LISTEN, handle, String.valueOf(backlog));
        }

        @Override
        public Observation connect(InetSocketAddress remote) {
            return withAddress(Operation.CONNECT, Wire.CONNECT, remote);
        }

        @Override
        public Accepted accept() {
            if (!listener) {
                return new Accepted(call(Operation.ACCEPT, Wire.ACCEPT, handle), null);
            }
            String accepted = trace.nextLabel();
            List<String> answer = agent.call(Wire.ACCEPT, handle);
            Observation o = observation(Operation.ACCEPT, label, answer);
            int newHandle = handle(answer);
            if (newHandle == 0) {
                return new Accepted(trace.record(o), null);
            }
            RemoteSocket socket = new RemoteSocket(newHandle, shape, false, accepted, trace);
            trace.track(socket::release);
            return new Accepted(trace.record(new Observation(o.layer(), o.operation(), o.socket(), "-> " + accepted,
                    o.endpoint(), o.detail(), o.failure())), socket);
        }

        @Override
        public Observation send(InetSocketAddress to, byte[] payload) {
            return withAddress(Operation.SEND, Wire.SEND, to, Wire.hex(payload));
        }

        @Override
        public Observation getsockname() {
            return call(Operation.GETSOCKNAME, Wire.GETSOCKNAME, handle);
        }

        @Override
        public Observation getpeername() {
            return call(Operation.GETPEERNAME, Wire.GETPEERNAME, handle);
        }

        @Override
        public Observation setsockopt(SocketOptionName option, int value) {
            return call(Operation.SETSOCKOPT, Wire.SETSOCKOPT, handle, option.name(), String.valueOf(value));
        }

        @Override
        public Observation state() {
            return call(Operation.STATE, Wire.STATE, handle);
        }

        @Override
        public Observation kernelSockname() {
            return call(Operation.GETSOCKNAME, Wire.KERNEL_SOCKNAME, handle, descriptorOf());
        }

        @Override
        public Observation kernelPeername() {
            return call(Operation.GETPEERNAME, Wire.KERNEL_PEERNAME, handle, descriptorOf());
        }

        private String descriptorOf() {
            return "fd of " + label + " (" + layer.id() + ")";
        }

        @Override
        public Observation shutdown() {
            return call(Operation.SHUTDOWN, Wire.SHUTDOWN, handle);
        }

        @Override
        public Observation closeSocket() {
            return call(Operation.CLOSE, Wire.CLOSE, handle);
        }

        @Override
        public void resetOnClose() {
            agent.tell(Wire.RESET_ON_CLOSE, handle);
        }

        void release() {
            AgentLayer.this.release(List.of(handle));
        }
    }
}
