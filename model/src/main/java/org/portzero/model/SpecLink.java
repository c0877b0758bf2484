package org.portzero.model;

/** Where a claim comes from: a man page, an RFC, a kernel test or commit, a JDK bug. */
public record SpecLink(String name, String url) {

    public static final SpecLink IP_7 = new SpecLink("ip(7)", "https://man7.org/linux/man-pages/man7/ip.7.html");
    public static final SpecLink IPV6_7 = new SpecLink("ipv6(7)", "https://man7.org/linux/man-pages/man7/ipv6.7.html");
    public static final SpecLink BIND_2 = new SpecLink("bind(2)", "https://man7.org/linux/man-pages/man2/bind.2.html");
    public static final SpecLink CONNECT_2 = new SpecLink("connect(2)", "https://man7.org/linux/man-pages/man2/connect.2.html");
    public static final SpecLink GETSOCKNAME_2 =
            new SpecLink("getsockname(2)", "https://man7.org/linux/man-pages/man2/getsockname.2.html");
    public static final SpecLink IP_SYSCTL = new SpecLink("ip-sysctl.rst",
            "https://www.kernel.org/doc/html/latest/networking/ip-sysctl.html");
    public static final SpecLink RFC_6056 = new SpecLink("RFC 6056", "https://www.rfc-editor.org/rfc/rfc6056");
    public static final SpecLink RFC_6335 = new SpecLink("RFC 6335", "https://www.rfc-editor.org/rfc/rfc6335");
    public static final SpecLink RFC_4291 = new SpecLink("RFC 4291 §2.5.5.2 (v4-mapped)",
            "https://www.rfc-editor.org/rfc/rfc4291#section-2.5.5.2");
    public static final SpecLink KSELFTEST_PORT_RANGE = new SpecLink("selftests/net/ip_local_port_range.c",
            "https://github.com/torvalds/linux/blob/master/tools/testing/selftests/net/ip_local_port_range.c");
    public static final SpecLink SOCKET_7 = new SpecLink("socket(7)", "https://man7.org/linux/man-pages/man7/socket.7.html");
    public static final SpecLink KSELFTEST_REUSEADDR_EXHAUSTED = new SpecLink("selftests/net/reuseaddr_ports_exhausted.c",
            "https://github.com/torvalds/linux/blob/master/tools/testing/selftests/net/reuseaddr_ports_exhausted.c");
    public static final SpecLink IP_BIND_ADDRESS_NO_PORT = new SpecLink("IP_BIND_ADDRESS_NO_PORT(2const)",
            "https://man7.org/linux/man-pages/man2/IP_BIND_ADDRESS_NO_PORT.2const.html");
    public static final SpecLink IP_LOCAL_PORT_RANGE = new SpecLink("IP_LOCAL_PORT_RANGE(2const)",
            "https://man7.org/linux/man-pages/man2/IP_LOCAL_PORT_RANGE.2const.html");
    public static final SpecLink KSELFTEST_BIND_TIMEWAIT = new SpecLink("selftests/net/bind_timewait.c",
            "https://github.com/torvalds/linux/blob/master/tools/testing/selftests/net/bind_timewait.c");
    public static final SpecLink INET_CSK_FIND_OPEN_PORT = new SpecLink("inet_csk_find_open_port()",
            "https://github.com/torvalds/linux/blob/master/net/ipv4/inet_connection_sock.c");
    public static final SpecLink INET_HASH_CONNECT = new SpecLink("__inet_hash_connect()",
            "https://github.com/torvalds/linux/blob/master/net/ipv4/inet_hashtables.c");
    public static final SpecLink UDP_LIB_GET_PORT = new SpecLink("udp_lib_get_port()",
            "https://github.com/torvalds/linux/blob/master/net/ipv4/udp.c");
    public static final SpecLink JDK_8231880 = new SpecLink("JDK-8231880", "https://bugs.openjdk.org/browse/JDK-8231880");
    public static final SpecLink JDK_8240533 = new SpecLink("JDK-8240533", "https://bugs.openjdk.org/browse/JDK-8240533");
    public static final SpecLink JDK_8236105 = new SpecLink("JDK-8236105", "https://bugs.openjdk.org/browse/JDK-8236105");
    public static final SpecLink JDK_8224730 = new SpecLink("JDK-8224730", "https://bugs.openjdk.org/browse/JDK-8224730");
    public static final SpecLink JDK_4106601 = new SpecLink("JDK-4106601", "https://bugs.openjdk.org/browse/JDK-4106601");
}
