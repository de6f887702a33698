#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Kind, size and modification time of one path, straight from `lstat`/`stat`. Foundation's
/// `attributesOfItem` also looks up the owner's and group's names, reading `/etc/passwd` and
/// `/etc/group` for every file it is asked about.
struct FileStatus {
    enum Kind { case file, directory, link, other }

    let kind: Kind
    let size: Int
    /// Nanoseconds since 1970.
    let modified: Int

    /// The path itself (a symbolic link is reported as a link), or nil if it does not exist.
    init?(of path: String) { self.init(path, followingLinks: false) }

    /// What the path leads to (symbolic links followed), or nil if it leads nowhere.
    init?(following path: String) { self.init(path, followingLinks: true) }

    /// An open file, or nil if `fstat` fails.
    init?(descriptor: Int32) {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        self.init(status)
    }

    private init?(_ path: String, followingLinks: Bool) {
        var status = stat()
        guard (followingLinks ? stat(path, &status) : lstat(path, &status)) == 0 else { return nil }
        self.init(status)
    }

    private init(_ status: stat) {
        switch status.st_mode & S_IFMT {
        case S_IFREG: kind = .file
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .link
        default: kind = .other
        }
        size = Int(status.st_size)
        #if canImport(Glibc)
        let time = status.st_mtim
        #else
        let time = status.st_mtimespec
        #endif
        modified = Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec)
    }
}
