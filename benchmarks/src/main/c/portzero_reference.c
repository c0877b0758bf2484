/*
 * portzero reference loop: the same socket calls the probe layers make, straight from C, so the
 * benchmarks can state every layer as a ratio to what the kernel allows.
 *
 *   portzero_reference bind0 ROUNDS OPS       socket; bind(127.0.0.1:0); getsockname; close
 *   portzero_reference pair ROUNDS OPS        socket; connect(listener); accept; SO_LINGER 0; close both
 *   portzero_reference exhaust tcp|udp ROUNDS socket; bind(127.0.0.1:0) until EADDRINUSE; close all
 *   portzero_reference explicit tcp|udp ROUNDS socket; bind(127.0.0.1:P) for every P of the range;
 *                                              one bind(127.0.0.1:0) refused; close all
 *   portzero_reference mix ROUNDS SOCKETS BINDS GETSOCKNAMES SETSOCKOPTS
 *                                              the runner's socket-call mix (its floor): SOCKETS sockets,
 *                                              TCP and UDP in turn, each bind(127.0.0.1:0) while BINDS
 *                                              last, the getsockname and setsockopt calls spread evenly
 *                                              over them, each closed
 *
 * Prints one line per round: "<mode> <ns per op or ns per exhaustion> <count>"; mix prints the ns
 * of the whole mix.
 * Exhaustion runs in two halves, as the Java benchmark does, because one process may hold at
 * most RLIMIT_NOFILE descriptors: the lower half from an empty range (this process), then the
 * upper half while a child holds as many ports as the lower half took. The two times add up.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long) t.tv_sec * 1000000000LL + t.tv_nsec;
}

static struct sockaddr_in loopback(int port) {
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

static void die(const char *what) {
    perror(what);
    exit(1);
}

static void bind0(int rounds, long ops) {
    for (int r = 0; r < rounds; r++) {
        long long start = now_ns();
        for (long i = 0; i < ops; i++) {
            int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
            if (fd < 0) die("socket");
            struct sockaddr_in a = loopback(0);
            if (bind(fd, (struct sockaddr *) &a, sizeof a) < 0) die("bind");
            struct sockaddr_storage s;
            socklen_t len = sizeof s;
            if (getsockname(fd, (struct sockaddr *) &s, &len) < 0) die("getsockname");
            close(fd);
        }
        printf("bind0 %.1f %ld\n", (double) (now_ns() - start) / ops, ops);
    }
}

static void reset_close(int fd) {
    struct linger l = {1, 0};
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    close(fd);
}

static void pair(int rounds, long ops) {
    int listener = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    struct sockaddr_in a = loopback(0);
    socklen_t len = sizeof a;
    if (bind(listener, (struct sockaddr *) &a, sizeof a) < 0 || listen(listener, 50) < 0) die("listener");
    getsockname(listener, (struct sockaddr *) &a, &len);
    for (int r = 0; r < rounds; r++) {
        long long start = now_ns();
        for (long i = 0; i < ops; i++) {
            int client = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
            if (connect(client, (struct sockaddr *) &a, sizeof a) < 0) die("connect");
            struct sockaddr_storage peer;
            socklen_t plen = sizeof peer;
            int accepted = accept4(listener, (struct sockaddr *) &peer, &plen, SOCK_CLOEXEC);
            if (accepted < 0) die("accept");
            reset_close(client); /* a RST: no TIME_WAIT holds the client's port */
            close(accepted);
        }
        printf("pair %.1f %ld\n", (double) (now_ns() - start) / ops, ops);
    }
    close(listener);
}

/* Binds port 0 (first 0) or first, first+1, … until EADDRINUSE or `limit` sockets; returns how many. */
static long fill(int type, int *fds, long limit, int first) {
    long n = 0;
    while (n < limit) {
        int fd = socket(AF_INET, type | SOCK_CLOEXEC, 0);
        if (fd < 0) die("socket");
        struct sockaddr_in a = loopback(first == 0 ? 0 : first + (int) n);
        if (bind(fd, (struct sockaddr *) &a, sizeof a) < 0) {
            if (errno != EADDRINUSE) die("bind");
            close(fd);
            break;
        }
        fds[n++] = fd;
    }
    return n;
}

static void close_all(int *fds, long n) {
    for (long i = 0; i < n; i++) close(fds[i]);
}

static int range_low;

static long range_size(void) {
    FILE *f = fopen("/proc/sys/net/ipv4/ip_local_port_range", "r");
    int lo = 0, hi = -1;
    if (f == NULL || fscanf(f, "%d %d", &lo, &hi) != 2) die("ip_local_port_range");
    fclose(f);
    range_low = lo;
    return hi - lo + 1;
}

/* Whether one more bind(127.0.0.1:0) is refused with EADDRINUSE. */
static int refused(int type) {
    int fd = socket(AF_INET, type | SOCK_CLOEXEC, 0);
    struct sockaddr_in a = loopback(0);
    int r = bind(fd, (struct sockaddr *) &a, sizeof a) < 0 && errno == EADDRINUSE;
    close(fd);
    return r;
}

static void exhaust(const char *mode, const char *proto, int rounds) {
    int explicit = strcmp(mode, "explicit") == 0;
    int type = strcmp(proto, "udp") == 0 ? SOCK_DGRAM : SOCK_STREAM;
    long half = range_size() / 2;
    int *fds = malloc(sizeof(int) * (range_size() + 1));
    for (int r = 0; r < rounds; r++) {
        long long start = now_ns();
        long lower = fill(type, fds, half, explicit ? range_low : 0);
        if (lower != half) die("lower half: a port of the range is taken (TIME_WAIT?)");
        close_all(fds, lower);
        long long lowerNs = now_ns() - start;

        int ready[2], release[2];
        if (pipe(ready) < 0 || pipe(release) < 0) die("pipe");
        pid_t child = fork();
        if (child == 0) {
            close(ready[0]);
            close(release[1]); /* so the parent's exit ends the read below */
            long held = fill(type, fds, half, explicit ? range_low : 0);
            char c = held == half ? 'y' : 'n';
            write(ready[1], &c, 1);
            read(release[0], &c, 1);
            _exit(0);
        }
        char c;
        if (read(ready[0], &c, 1) != 1 || c != 'y') die("holder");
        start = now_ns();
        long upper = fill(type, fds, range_size() - half, explicit ? range_low + (int) half : 0);
        if (!refused(type)) die("range not used up");
        close_all(fds, upper);
        long long upperNs = now_ns() - start;
        write(release[1], &c, 1);
        waitpid(child, NULL, 0);
        close(ready[0]); close(ready[1]); close(release[0]); close(release[1]);
        printf("%s_%s %lld %ld\n", mode, proto, lowerNs + upperNs, half + upper); /* the child held `half` */
    }
    free(fds);
}

/* How many of `total` calls the i-th of `n` sockets makes when they are spread evenly. */
static long share(long total, long n, long i) {
    return total / n + (i < total % n ? 1 : 0);
}

static void mix(int rounds, long sockets, long binds, long names, long options) {
    int off = 0;
    for (int r = 0; r < rounds; r++) {
        long long start = now_ns();
        for (long i = 0; i < sockets; i++) {
            int fd = socket(AF_INET, (i % 2 == 0 ? SOCK_STREAM : SOCK_DGRAM) | SOCK_CLOEXEC, 0);
            if (fd < 0) die("socket");
            if (i < binds) {
                struct sockaddr_in a = loopback(0);
                if (bind(fd, (struct sockaddr *) &a, sizeof a) < 0) die("bind");
            }
            for (long k = share(names, sockets, i); k > 0; k--) {
                struct sockaddr_storage s;
                socklen_t len = sizeof s;
                if (getsockname(fd, (struct sockaddr *) &s, &len) < 0) die("getsockname");
            }
            for (long k = share(options, sockets, i); k > 0; k--) {
                if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &off, sizeof off) < 0) die("setsockopt");
            }
            close(fd);
        }
        printf("mix %lld %ld\n", now_ns() - start, sockets);
    }
}

int main(int argc, char **argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc >= 4 && strcmp(argv[1], "bind0") == 0) {
        bind0(atoi(argv[2]), atol(argv[3]));
    } else if (argc >= 4 && strcmp(argv[1], "pair") == 0) {
        pair(atoi(argv[2]), atol(argv[3]));
    } else if (argc >= 4 && (strcmp(argv[1], "exhaust") == 0 || strcmp(argv[1], "explicit") == 0)) {
        exhaust(argv[1], argv[2], atoi(argv[3]));
    } else if (argc >= 7 && strcmp(argv[1], "mix") == 0) {
        mix(atoi(argv[2]), atol(argv[3]), atol(argv[4]), atol(argv[5]), atol(argv[6]));
    } else {
        fprintf(stderr, "usage: %s bind0|pair ROUNDS OPS | exhaust|explicit tcp|udp ROUNDS"
                " | mix ROUNDS SOCKETS BINDS GETSOCKNAMES SETSOCKOPTS\n", argv[0]);
        return 2;
    }
    return 0;
}
