package org.portzero.suites.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.LastErrorException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.portzero.model.KernelAnswer;

/**
 * Whether the kernel opens an MPTCP socket is asked of the kernel, and the answer is recorded as
 * the kernel gave it, both ways: a fake {@code socket(2)} that hands out a descriptor, and fakes
 * that answer EPROTONOSUPPORT (built without MPTCP) or ENOPROTOOPT ({@code net.mptcp.enabled=0}).
 */
class KernelAnswerTest {

    private static final SocketShape MPTCP4 = new SocketShape(AddressFamily.IPV4, Transport.MPTCP);

    /** A socket(2) that answers {@code errno}, or descriptor 7 when {@code errno} is 0; it records what it was asked. */
    private static final class FakeKernel implements LibcLayer.SocketCalls {
        final int errno;
        final List<String> calls = new ArrayList<>();

        FakeKernel(int errno) {
            this.errno = errno;
        }

        @Override
        public int socket(int domain, int type, int protocol) {
            calls.add("socket(" + domain + ", " + (type & 0xf) + ", " + protocol + ")");
            if (errno != 0) {
                throw new LastErrorException(errno);
            }
            return 7;
        }

        @Override
        public void close(int fd) {
            calls.add("close(" + fd + ")");
        }
    }

    @Test
    void aKernelThatOpensTheSocketOffersTheProtocolAndTheProbeClosesIt() {
        FakeKernel kernel = new FakeKernel(0);
        KernelAnswer answer = LibcLayer.ask(MPTCP4, kernel);
        assertThat(answer.offered()).isTrue();
        assertThat(answer).hasToString("socket(AF_INET, SOCK_STREAM, IPPROTO_MPTCP) → a descriptor");
        assertThat(kernel.calls).containsExactly("socket(2, 1, 262)", "close(7)");
    }

    @Test
    void aKernelThatRefusesIsQuotedWithItsErrno() {
        KernelAnswer missing = LibcLayer.ask(MPTCP4, new FakeKernel(93));
        assertThat(missing.offered()).isFalse();
        assertThat(missing).hasToString("socket(AF_INET, SOCK_STREAM, IPPROTO_MPTCP) → EPROTONOSUPPORT");
        KernelAnswer disabled = LibcLayer.ask(MPTCP4, new FakeKernel(92));
        assertThat(disabled.offered()).isFalse();
        assertThat(disabled.refusal()).isEqualTo("ENOPROTOOPT");
    }

    @Test
    void theRealKernelIsAskedTheSameCall() {
        KernelAnswer real = LibcLayer.ask(MPTCP4);
        assertThat(real.call()).isEqualTo("socket(AF_INET, SOCK_STREAM, IPPROTO_MPTCP)");
        assertThat(real.refusal()).as("a kernel without MPTCP answers one of these").isIn(null, "EPROTONOSUPPORT", "ENOPROTOOPT");
    }
}
