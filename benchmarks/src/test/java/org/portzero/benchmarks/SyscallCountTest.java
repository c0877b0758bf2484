package org.portzero.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** strace -c's summary table, with and without an errors column, read into counts. */
class SyscallCountTest {

    private static final String SUMMARY = """
            % time     seconds  usecs/call     calls    errors syscall
            ------ ----------- ----------- --------- --------- ------------------
             30.10    2.411633           7    325006         1 getsockname
             29.64    2.374798           7    324184         9 setsockopt
             22.80    1.826506           9    183411           close
             22.10    1.771393          10    176057           socket
              0.01    0.054122          54       987       493 connect
              0.00    0.000001           1         3           futex
            ------ ----------- ----------- --------- --------- ------------------
            100.00    8.438453                   1009648       503 total
            """;

    @Test
    void readsTheCallsColumnOfEveryCountedCall() {
        SyscallCount count = SyscallCount.parse(SUMMARY);
        assertEquals(325_006, count.of("getsockname"), "getsockname, a row with errors");
        assertEquals(183_411, count.of("close"), "close, a row without errors");
        assertEquals(987, count.of("connect"), "connect, counted but not in the floor");
        assertEquals(0, count.of("bind"), "bind, absent from the table");
        assertEquals(0, count.of("futex"), "futex is not a counted call");
        assertEquals(325_006 + 324_184 + 183_411 + 176_057, count.floorCalls(), "the five floor calls");
    }
}
