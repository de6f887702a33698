import CSwitchboardSystem
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The HTTP server of `switchboard serve`: 127.0.0.1 only, `GET` and `HEAD` of the files in the
/// output folder, read on every request so that a rebuild shows at once, `no-store`, one response
/// per connection. It is small on purpose: an HTTP library brought Foundation's networking, and
/// with it libcurl and its dependencies, into the self-contained release binary.
public final class PreviewServer: Sendable {
    public enum StartError: Error, Equatable {
        case portInUse(UInt16)
        case cannotListen(UInt16, reason: String)
    }

    /// The port it listens on (the one asked for, or a free one for port 0).
    public let port: UInt16
    private let root: String
    private let listener: Int32

    /// Listens at once, so a port in use is known before anything else happens.
    public init(root: String, port: UInt16) throws(StartError) {
        var bound: UInt16 = 0
        let descriptor = switchboard_listen_loopback(port, &bound)
        guard descriptor >= 0 else {
            if errno == EADDRINUSE { throw .portInUse(port) }
            throw .cannotListen(port, reason: String(cString: strerror(errno)))
        }
        self.root = root
        self.port = bound
        listener = descriptor
    }

    /// Accepts connections until the process ends; each is answered on another thread.
    public func run() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            DispatchQueue.global().async { self.answer(connection) }
        }
    }

    /// Requests larger than this (the request line and headers) are refused.
    static let maximumRequestSize = 16 * 1024

    private func answer(_ connection: Int32) {
        defer { close(connection) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0) // a client that sends nothing does not keep a thread
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var request: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !request.hasCompleteHeaders && request.count < Self.maximumRequestSize {
            let count = read(connection, &buffer, buffer.count)
            guard count > 0 else { break }
            request += buffer[0..<count]
        }
        sendAll(response(to: request), to: connection)
    }

    /// The whole response to the bytes of a request.
    func response(to request: [UInt8]) -> [UInt8] {
        let line = request.prefix { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") }
        let parts = line.split(separator: UInt8(ascii: " "))
        guard parts.count == 3, parts[2].starts(with: "HTTP/1.".utf8), let target = String(validating: parts[1], as: UTF8.self) else {
            return Self.message(400, "Bad Request", body: Array("Bad request\n".utf8), type: "text/plain; charset=utf-8", includeBody: true)
        }
        let method = String(decoding: parts[0], as: UTF8.self)
        guard method == "GET" || method == "HEAD" else {
            return Self.message(405, "Method Not Allowed", body: Array("Only GET and HEAD\n".utf8), type: "text/plain; charset=utf-8",
                                includeBody: true, extra: "Allow: GET, HEAD\r\n")
        }
        if let file = Preview.file(for: target, in: root), let data = FileManager.default.contents(atPath: file) {
            return Self.message(200, "OK", body: Array(data), type: Preview.contentType(of: file), includeBody: method == "GET")
        }
        let page = FileManager.default.contents(atPath: root + "/" + SitePaths.notFound) ?? Data("Not found\n".utf8)
        return Self.message(404, "Not Found", body: Array(page), type: "text/html; charset=utf-8", includeBody: method == "GET")
    }

    private static func message(_ status: Int, _ reason: String, body: [UInt8], type: String, includeBody: Bool,
                                extra: String = "") -> [UInt8] {
        let head = "HTTP/1.1 \(status) \(reason)\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\n"
            + "Cache-Control: no-store\r\nConnection: close\r\n\(extra)\r\n"
        return Array(head.utf8) + (includeBody ? body : [])
    }

    private func sendAll(_ bytes: [UInt8], to connection: Int32) {
        var sent = 0
        while sent < bytes.count {
            // MSG_NOSIGNAL: a browser that closed the connection must not stop serve with SIGPIPE.
            let count = bytes[sent...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return }
            sent += count
        }
    }
}

private extension [UInt8] {
    /// The request's headers are complete: an empty line follows them.
    var hasCompleteHeaders: Bool {
        indices.contains { index in
            self[index...].starts(with: "\r\n\r\n".utf8) || self[index...].starts(with: "\n\n".utf8)
        }
    }
}
