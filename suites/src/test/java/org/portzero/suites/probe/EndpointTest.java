package org.portzero.suites.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Addresses keep each layer's spelling: the kernel's v4-mapped form, the JDK's folded one. */
class EndpointTest {

    @Test
    void kernelSpellingsAreKept() {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        Endpoint e = Endpoint.inet6(mapped, 4000);
        assertThat(e.address()).isEqualTo("::ffff:127.0.0.1");
        assertThat(e.v4Mapped()).isTrue();
        assertThat(e.canonicalAddress()).isEqualTo("127.0.0.1");
        assertThat(Endpoint.inet6(new byte[16], 5).shortForm()).isEqualTo("[::]:5");
        byte[] one = new byte[16];
        one[15] = 1;
        assertThat(Endpoint.inet6(one, 7).address()).isEqualTo("::1");
        byte[] doc = {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1};
        assertThat(Endpoint.inet6(doc, 7).address()).isEqualTo("2001:db8::1:0:0:1");
        assertThat(Endpoint.inet(new byte[] {0, 0, 0, 0}, 9).anyLocal()).isTrue();
    }

    @Test
    void theJdkWildcardSpellingsAreBothAnyLocal() {
        Endpoint v4 = Endpoint.of(new InetSocketAddress(AddressFamily.literal("0.0.0.0"), 80));
        Endpoint v6 = Endpoint.of(new InetSocketAddress(AddressFamily.literal("::"), 80));
        assertThat(v4.anyLocal()).isTrue();
        assertThat(v6.anyLocal()).isTrue();
        assertThat(v6.address()).isEqualTo("::");
        assertThat(v4.sameAs(v6)).isTrue();
    }

    @Test
    void sockaddrRoundTrips() {
        InetSocketAddress a = new InetSocketAddress(AddressFamily.literal("127.0.0.2"), 40001);
        assertThat(SockAddr.decode(SockAddr.encode(Libc.AF_INET, a)).shortForm()).isEqualTo("127.0.0.2:40001");
        assertThat(SockAddr.decode(SockAddr.encode(Libc.AF_INET6, a)).shortForm()).isEqualTo("[::ffff:127.0.0.2]:40001");
    }
}
