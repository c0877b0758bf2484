package org.portzero.suites.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.portzero.model.Verdict;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.catalogue.CheckExecution;
import org.portzero.suites.catalogue.PropertySettings;
import org.portzero.suites.checks.common.KernelOption;
import org.portzero.suites.checks.sockopt.SockoptChecks;
import org.portzero.suites.facts.PlatformFactsReader;
import org.portzero.suites.probe.AddressFamily;
import org.portzero.suites.probe.Failure;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.probe.Observation;
import org.portzero.suites.probe.Operation;
import org.portzero.suites.probe.SocketOptionName;
import org.portzero.suites.probe.SocketShape;
import org.portzero.suites.probe.TamperedLayer;
import org.portzero.suites.probe.Trace;
import org.portzero.suites.probe.Transport;
import org.portzero.suites.verdict.CheckResult;
import org.portzero.suites.verdict.Expectations;
import org.portzero.suites.verdict.PreconditionUnmet;
import org.portzero.suites.verdict.SetupFailed;

/**
 * Whether a check can use a kernel option is asked of the kernel, both ways: a libc layer whose
 * setsockopt answers ENOPROTOOPT makes the dependent checks skip, quoting that answer; one that
 * accepts the option lets them run. No version number is read. The check-level half also runs on
 * the real kernel where it offers the options.
 */
class KernelOptionTest {

    private static final SocketShape TCP4 = new SocketShape(AddressFamily.IPV4, Transport.TCP);

    /** A libc layer whose kernel accepts {@code option} (its setsockopt answers success, its getsockopt 0). */
    private static TamperedLayer offering(SocketOptionName option) {
        return new TamperedLayer(Bench.realLayers().get(Layer.LIBC), (op, o) ->
                op == Operation.SETSOCKOPT && o.arguments() != null && o.arguments().contains(option.name())
                        ? Observation.ok(o.layer(), op, o.socket(), o.arguments(), (String) null)
                        : op == Operation.GETSOCKOPT && o.arguments() != null && o.arguments().contains(option.name())
                        ? Observation.ok(o.layer(), op, o.socket(), o.arguments(), "0") : o);
    }

    /**
     * A libc layer like gVisor's netstack: setsockopt accepts {@code option}, getsockopt answers
     * ENOPROTOOPT (the option is taken and not kept).
     */
    private static TamperedLayer ignoring(SocketOptionName option) {
        return new TamperedLayer(offering(option), (op, o) ->
                op == Operation.GETSOCKOPT && o.arguments() != null && o.arguments().contains(option.name())
                        ? Observation.failed(o.layer(), op, o.socket(), o.arguments(), Failure.ofErrno("ENOPROTOOPT", "tampered"))
                        : o);
    }

    /** A libc layer whose kernel does not know {@code option}. */
    private static TamperedLayer without(SocketOptionName option, String errno) {
        String number = String.valueOf(option.number());
        return new TamperedLayer(Bench.realLayers().get(Layer.LIBC), (op, o) ->
                op == Operation.SETSOCKOPT && o.arguments() != null && o.arguments().contains(option.name())
                        ? Observation.failed(o.layer(), op, o.socket(), o.arguments(), Failure.ofErrno(errno, "tampered"))
                        : o);
    }

    private static Bench bench(TamperedLayer libc) {
        Bench real = new Bench(new PlatformFactsReader().read(), Bench.realLayers(), Expectations.none(),
                new PropertySettings(1L, 1));
        return libc == null ? real : real.withLayer(libc);
    }

    @Test
    void eachOptionIsOfferedByThisKernelAndRefusedByOneWithoutIt() {
        for (SocketOptionName option : List.of(SocketOptionName.IP_LOCAL_PORT_RANGE, SocketOptionName.IP_BIND_ADDRESS_NO_PORT)) {
            try (Trace trace = new Trace()) {
                assertThatCode(() -> KernelOption.require(bench(offering(option)), option, TCP4, "the test", trace))
                        .as(option + " accepted").doesNotThrowAnyException();
                assertThatThrownBy(() -> KernelOption.require(bench(without(option, "ENOPROTOOPT")), option, TCP4,
                        "the test", trace)).as(option + " refused")
                        .isInstanceOf(PreconditionUnmet.class)
                        .hasMessage("the test: setsockopt(" + option + ") → ENOPROTOOPT on a " + TCP4
                                + " socket (this kernel does not offer it)");
                assertThatThrownBy(() -> KernelOption.require(bench(ignoring(option)), option, TCP4, "the test", trace))
                        .as(option + " accepted and not kept").isInstanceOf(PreconditionUnmet.class)
                        .hasMessage("the test: setsockopt(" + option + ") succeeded but getsockopt(" + option
                                + ") → ENOPROTOOPT on a " + TCP4 + " socket (this stack accepts the option without keeping it)");
                assertThatThrownBy(() -> KernelOption.require(bench(without(option, "EPERM")), option, TCP4,
                        "the test", trace)).as(option + ": any other answer is no skip").isInstanceOf(SetupFailed.class);
            }
        }
    }

    @Test
    void theSockoptChecksSkipQuotingTheProbeWhereTheKernelLacksTheOptionAndRunWhereItHasIt() {
        for (SocketOptionName option : List.of(SocketOptionName.IP_LOCAL_PORT_RANGE, SocketOptionName.IP_BIND_ADDRESS_NO_PORT)) {
            Bench lacking = bench(without(option, "ENOPROTOOPT"));
            String row = option == SocketOptionName.IP_LOCAL_PORT_RANGE ? "udp4_local_port_range_libc.single_port_range"
                    : "tcp4_bind_address_no_port_libc.port_zero_until_connect";
            Check check = new SockoptChecks(lacking).checks().filter(c -> c.id().toString().endsWith(row)).findFirst()
                    .orElseThrow(() -> new AssertionError("no sockopt row " + row));
            CheckResult skipped = CheckExecution.run(check, lacking.facts(), lacking.expectations());
            assertThat(skipped.verdict()).as(skipped.message()).isEqualTo(Verdict.SKIP);
            assertThat(skipped.message()).contains("setsockopt(" + option + ") → ENOPROTOOPT");

            Bench real = bench(null);
            Check same = new SockoptChecks(real).checks().filter(c -> c.id().equals(check.id())).findFirst().orElseThrow();
            CheckResult ran = CheckExecution.run(same, real.facts(), real.expectations());
            assumeTrue(ran.verdict() != Verdict.SKIP, "this kernel lacks " + option + ": " + ran.message());
            assertThat(ran.verdict()).as(ran.message()).isEqualTo(Verdict.PASS);
        }
    }
}
