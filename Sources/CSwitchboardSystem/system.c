#define _GNU_SOURCE
#include "CSwitchboardSystem.h"
#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#if defined(__linux__)
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/fs.h>
#endif

int switchboard_exchange_paths(const char *first, const char *second) {
#if defined(__linux__) && defined(SYS_renameat2)
    return (int)syscall(SYS_renameat2, AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
#else
    errno = ENOSYS;
    return -1;
#endif
}

#if defined(__linux__)
#include <sys/inotify.h>

int switchboard_watch_open(void) {
    return inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
}

int switchboard_watch_add(int descriptor, const char *folder) {
    uint32_t events = IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
        | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;
    return inotify_add_watch(descriptor, folder, events) < 0 ? -1 : 0;
}

int switchboard_watch_drain(int descriptor) {
    char buffer[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
    int result = 0;
    for (;;) {
        ssize_t length = read(descriptor, buffer, sizeof buffer);
        if (length < 0 && errno == EINTR) continue;
        if (length < 0 && errno != EAGAIN) return -1;
        if (length <= 0) return result;
        if (result == 0) result = 1;
        for (char *at = buffer; at < buffer + length;) {
            const struct inotify_event *event = (const struct inotify_event *)at;
            if ((event->mask & IN_Q_OVERFLOW) || ((event->mask & IN_ISDIR) && (event->mask & (IN_CREATE | IN_MOVED_TO))))
                result = 2;
            at += sizeof(struct inotify_event) + event->len;
        }
    }
}
#else
int switchboard_watch_open(void) { errno = ENOSYS; return -1; }
int switchboard_watch_add(int descriptor, const char *folder) { (void)descriptor; (void)folder; errno = ENOSYS; return -1; }
int switchboard_watch_drain(int descriptor) { (void)descriptor; errno = ENOSYS; return -1; }
#endif

int switchboard_listen_loopback(unsigned short port, unsigned short *bound) {
    int descriptor = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (descriptor < 0) return -1;
    int yes = 1; /* a port left in TIME_WAIT by the last serve can be taken again at once */
    setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    struct sockaddr_in address;
    memset(&address, 0, sizeof address);
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (bind(descriptor, (struct sockaddr *)&address, sizeof address) != 0 || listen(descriptor, 64) != 0
        || getsockname(descriptor, (struct sockaddr *)&address, &length) != 0) {
        int saved = errno;
        close(descriptor);
        errno = saved;
        return -1;
    }
    *bound = ntohs(address.sin_port);
    return descriptor;
}

const char *switchboard_build_commit(void) {
#ifdef SWITCHBOARD_COMMIT
    return SWITCHBOARD_COMMIT;
#else
    return NULL;
#endif
}
