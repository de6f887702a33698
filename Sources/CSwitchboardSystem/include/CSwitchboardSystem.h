#ifndef CSWITCHBOARD_SYSTEM_H
#define CSWITCHBOARD_SYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (e.g. EINVAL or ENOSYS
/// where the filesystem or platform does not support the exchange).
int switchboard_exchange_paths(const char *first, const char *second);

/// Change notification (Linux inotify). Where it is not available, open returns -1 with errno
/// ENOSYS and callers fall back to polling.
/// Returns a non-blocking descriptor, or -1 with errno set.
int switchboard_watch_open(void);
/// Watches one folder for entries created, deleted, moved, written or changed in their
/// attributes. Returns 0, or -1 with errno set (e.g. ENOSPC when the watch limit is reached).
int switchboard_watch_add(int descriptor, const char *folder);
/// Reads every pending event. Returns 0 if there was none, 1 if there were some, 2 if a folder
/// was created or moved in (or events were lost) so that new watches are needed, -1 with errno
/// set on failure.
int switchboard_watch_drain(int descriptor);

/// A TCP socket listening on 127.0.0.1:port (0: any free port), for `serve`. Returns the
/// descriptor and stores the port it got in `bound`, or -1 with errno set (EADDRINUSE when the
/// port is taken).
int switchboard_listen_loopback(unsigned short port, unsigned short *bound);

/// The commit a release binary was built from (`-Xcc -DSWITCHBOARD_COMMIT="…"`), or NULL.
const char *switchboard_build_commit(void);

#endif
