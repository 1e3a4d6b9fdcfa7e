/*
 * LD_PRELOAD shim for tests that stop the Kafka dev broker and start it again on the same port
 * (tools/platform/infra.mjs startDevBroker({ port })). librdkafka's mock cluster always listens on
 * an ephemeral port; this shim turns its one bind() to 127.0.0.1:0 into a bind to
 * DEV_BROKER_PORT, with SO_REUSEADDR so that the previous broker's TIME_WAIT sockets do not block it.
 * Every other bind() is passed through unchanged.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>

typedef int (*bind_fn)(int, const struct sockaddr *, socklen_t);

int bind(int fd, const struct sockaddr *addr, socklen_t len) {
        static bind_fn real_bind = NULL;
        if (!real_bind) real_bind = (bind_fn)dlsym(RTLD_NEXT, "bind");
        const char *wanted = getenv("DEV_BROKER_PORT");
        if (wanted && addr && addr->sa_family == AF_INET && len >= sizeof(struct sockaddr_in) &&
            ((const struct sockaddr_in *)addr)->sin_port == 0) {
                struct sockaddr_in fixed = *(const struct sockaddr_in *)addr;
                fixed.sin_port = htons((unsigned short)atoi(wanted));
                int one = 1;
                setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
                return real_bind(fd, (const struct sockaddr *)&fixed, sizeof(fixed));
        }
        return real_bind(fd, addr, len);
}
