/*
 * kafka-dev-broker: a single-broker librdkafka mock cluster for local runs and tests.
 *
 *   kafka-dev-broker [topic:partitions ...]
 *
 * Pre-creates the given topics (the mock rejects CreateTopics), prints exactly one line
 * `BOOTSTRAP=<host:port>` on stdout, then runs until SIGINT/SIGTERM or until stdin reaches EOF
 * (the parent keeps stdin as a pipe, so the broker dies with its parent). Errors go to stderr;
 * nothing else is printed. The mock speaks the real Kafka protocol but is not Kafka: see
 * "Stack facts" in PLATFORM.md for what it does not support.
 *
 * Lost wake-ups: librdkafka 2.0.2's mock thread serves its op queue and only then drains its
 * wake-up pipe, so an op enqueued in between (about 1 in 20 here) waits for the thread's 1 s
 * poll timeout. rd_kafka_mock_topic_create() and rd_kafka_mock_cluster_destroy() are such ops:
 * 25 topics often took several seconds. While they run, a helper thread wakes the mock thread
 * every 2 ms by opening (and closing) a TCP connection to the broker's listener.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

static volatile sig_atomic_t stop_requested = 0;
static volatile int poking = 1;
static struct sockaddr_in broker_addr;

static void on_signal(int sig) {
        (void)sig;
        stop_requested = 1;
}

/* Wakes the mock thread (its poll() sees the listener) until `poking` is cleared. */
static void *poker(void *arg) {
        (void)arg;
        while (poking) {
                int fd = socket(AF_INET, SOCK_STREAM, 0);
                if (fd >= 0) {
                        connect(fd, (struct sockaddr *)&broker_addr, sizeof(broker_addr));
                        close(fd);
                }
                usleep(2000);
        }
        return NULL;
}

static int start_poker(pthread_t *thread) {
        poking = 1;
        return pthread_create(thread, NULL, poker, NULL) == 0;
}

static void stop_poker(pthread_t thread, int started) {
        poking = 0;
        if (started) pthread_join(thread, NULL);
}

int main(int argc, char **argv) {
        char errstr[512];
        /* librdkafka's and our threads inherit this mask: SIGINT/SIGTERM reach the main thread. */
        sigset_t stop_signals;
        sigemptyset(&stop_signals);
        sigaddset(&stop_signals, SIGINT);
        sigaddset(&stop_signals, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &stop_signals, NULL);

        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        /* Only errors on stderr (syslog levels: 3 = error). */
        if (rd_kafka_conf_set(conf, "log_level", "3", errstr, sizeof(errstr)) != RD_KAFKA_CONF_OK) {
                fprintf(stderr, "kafka-dev-broker: %s\n", errstr);
                return 1;
        }
        /* The mock cluster needs a client handle for its thread and logging. */
        rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
        if (!rk) {
                fprintf(stderr, "kafka-dev-broker: rd_kafka_new failed: %s\n", errstr);
                return 1;
        }
        rd_kafka_mock_cluster_t *mcluster = rd_kafka_mock_cluster_new(rk, 1);
        if (!mcluster) {
                fprintf(stderr, "kafka-dev-broker: rd_kafka_mock_cluster_new failed\n");
                rd_kafka_destroy(rk);
                return 1;
        }
        const char *bootstrap = rd_kafka_mock_cluster_bootstraps(mcluster); /* "127.0.0.1:port" */
        broker_addr.sin_family = AF_INET;
        broker_addr.sin_port = htons((uint16_t)atoi(strrchr(bootstrap, ':') + 1));
        broker_addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);

        pthread_t poke_thread;
        int poke_started = start_poker(&poke_thread);
        int rc = 0;
        for (int i = 1; i < argc && rc == 0; i++) {
                char name[256];
                const char *colon = strrchr(argv[i], ':');
                int partitions = colon ? atoi(colon + 1) : 1;
                size_t len = colon ? (size_t)(colon - argv[i]) : strlen(argv[i]);
                if (len == 0 || len >= sizeof(name) || partitions < 1) {
                        fprintf(stderr, "kafka-dev-broker: bad topic argument '%s' (want name:partitions)\n", argv[i]);
                        rc = 2;
                        break;
                }
                memcpy(name, argv[i], len);
                name[len] = '\0';
                rd_kafka_resp_err_t err = rd_kafka_mock_topic_create(mcluster, name, partitions, 1);
                if (err) {
                        fprintf(stderr, "kafka-dev-broker: cannot create topic %s: %s\n", name, rd_kafka_err2str(err));
                        rc = 1;
                }
        }
        stop_poker(poke_thread, poke_started);

        if (rc == 0) {
                struct sigaction sa;
                memset(&sa, 0, sizeof(sa));
                sa.sa_handler = on_signal; /* no SA_RESTART: poll() returns EINTR */
                sigaction(SIGINT, &sa, NULL);
                sigaction(SIGTERM, &sa, NULL);
                signal(SIGPIPE, SIG_IGN);
                pthread_sigmask(SIG_UNBLOCK, &stop_signals, NULL);

                printf("BOOTSTRAP=%s\n", bootstrap);
                fflush(stdout);

                /* Wait for a signal or for stdin to close (EOF, error or hang-up). */
                while (!stop_requested) {
                        struct pollfd pfd = {.fd = STDIN_FILENO, .events = POLLIN};
                        int n = poll(&pfd, 1, 1000);
                        if (n < 0) {
                                if (errno == EINTR) continue;
                                break;
                        }
                        if (n == 0) continue;
                        if (pfd.revents & (POLLERR | POLLNVAL)) break;
                        char buf[256];
                        ssize_t r = read(STDIN_FILENO, buf, sizeof(buf)); /* input is ignored */
                        if (r == 0 || (r < 0 && errno != EINTR && errno != EAGAIN)) break;
                }
        }

        poke_started = start_poker(&poke_thread); /* destroy is a mock op too */
        rd_kafka_mock_cluster_destroy(mcluster);
        stop_poker(poke_thread, poke_started);
        rd_kafka_destroy(rk);
        return rc;
}
