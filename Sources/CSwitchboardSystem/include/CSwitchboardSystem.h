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
/// Reads and discards every pending event. Returns 1 if there was at least one, 0 if none,
/// -1 with errno set on failure.
int switchboard_watch_drain(int descriptor);

#endif
