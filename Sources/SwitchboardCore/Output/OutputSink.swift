import Foundation

/// A file of the generated portal: its path relative to `public/` and its bytes.
public struct OutputFile: Sendable, Equatable {
    public var path: String
    public var contents: Data

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }
}

/// Where files go as they are made, from any thread: a build's staging folder, or nowhere.
protocol OutputSink: Sendable {
    func write(_ file: OutputFile) throws(InvalidInput)
}

/// For `check`: every file is made, so every problem shows, and then dropped.
struct DiscardedOutput: OutputSink {
    func write(_ file: OutputFile) {}
}
