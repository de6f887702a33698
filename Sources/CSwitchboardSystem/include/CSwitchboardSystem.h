#ifndef CSWITCHBOARD_SYSTEM_H
#define CSWITCHBOARD_SYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (e.g. EINVAL or ENOSYS
/// where the filesystem or platform does not support the exchange).
int switchboard_exchange_paths(const char *first, const char *second);

#endif
