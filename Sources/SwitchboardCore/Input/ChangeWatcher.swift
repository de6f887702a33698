import CSwitchboardSystem
import Foundation
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Tells `serve` when something below its input folders may have changed, so that it compares
/// `FileSnapshot`s only then: on Linux every folder is watched with inotify, which costs nothing
/// while nobody edits. Without it (other systems, the watch limit reached) and every
/// `fallbackInterval` in any case (network shares and some container mounts report no events),
/// the answer is "maybe".
public final class ChangeWatcher {
    private let folders: [String]
    private let fallbackInterval: Duration
    private var descriptor: Int32
    private var lastMaybe = ContinuousClock.now

    public init(folders: [String], fallbackInterval: Duration = .seconds(5)) {
        self.folders = folders
        self.fallbackInterval = fallbackInterval
        descriptor = switchboard_watch_open()
        if descriptor >= 0, !watchEveryFolder() { stopWatching() }
    }

    deinit { stopWatching() }

    /// Whether changes are reported by the system (false: polling).
    public var isWatching: Bool { descriptor >= 0 }

    /// True when a change was reported since the last call, when the folders are not watched,
    /// or when `fallbackInterval` has passed since the last true.
    public func mayHaveChanged() -> Bool {
        let now = ContinuousClock.now
        var maybe = now - lastMaybe >= fallbackInterval || !isWatching
        if isWatching {
            switch switchboard_watch_drain(descriptor) {
            case 0: break
            case 1: maybe = true
            case 2:
                maybe = true
                // New folders are watched from now on; the snapshot taken next sees what is in them.
                if !watchEveryFolder() { stopWatching() }
            default:
                maybe = true
                stopWatching()
            }
        }
        if maybe { lastMaybe = now }
        return maybe
    }

    /// Adds a watch to every folder below the inputs; folders already watched keep theirs.
    private func watchEveryFolder() -> Bool {
        var pending = folders.filter { FileStatus(following: $0)?.kind == .directory }
        while let folder = pending.popLast() {
            guard switchboard_watch_add(descriptor, folder) == 0 else { return false }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            pending += names.map { "\(folder)/\($0)" }.filter { FileStatus(of: $0)?.kind == .directory }
        }
        return true
    }

    private func stopWatching() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
    }
}
