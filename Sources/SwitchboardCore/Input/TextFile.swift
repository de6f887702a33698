import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a UTF-8 text file from `content/` or `site-templates/`: drops a leading BOM and
/// turns CRLF and lone CR line endings into LF, so line numbers match what editors show.
public enum TextFile {
    /// Reads a file of `content/`: like `read`, and fails when it holds something that looks like
    /// AWS credentials.
    static func readContent(_ path: String) throws(InvalidInput) -> String {
        let text = try read(path)
        let secrets = SecretScanner.scan(text, path: path)
        if !secrets.isEmpty { throw InvalidInput(secrets) }
        return text
    }

    /// Larger inputs are refused, so a runaway file fails fast with bounded memory. A client
    /// with 10,000 accounts is about 1.5 MB of YAML.
    static let maximumSize = 16 * 1024 * 1024

    static func read(_ path: String) throws(InvalidInput) -> String {
        try decode(readBytes(path), path: path)
    }

    /// A file's bytes, or an error that says why it cannot be read (no such file, a folder,
    /// permission denied, too large).
    public static func readBytes(_ path: String) throws(InvalidInput) -> Data {
        let status = FileStatus(following: path)
        let size = status?.size ?? 0
        if status?.kind == .directory {
            throw InvalidInput([.error(SourceLocation(path: path), "cannot read the file: it is a folder; name a file")])
        }
        if size > maximumSize {
            throw InvalidInput([.error(SourceLocation(path: path), "the file is \(size / 1_048_576) MB; Switchboard reads input files of up to \(maximumSize / 1_048_576) MB: split it (one client per folder, one topic per doc)")])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InvalidInput([.error(SourceLocation(path: path), "cannot read the file: \(reasonItCannotBeOpened(path))")])
        }
        return data
    }

    /// The system's reason, in its words (`No such file or directory`, `Permission denied`).
    private static func reasonItCannotBeOpened(_ path: String) -> String {
        let descriptor = open(path, O_RDONLY)
        guard descriptor < 0 else {
            close(descriptor)
            return "it could not be read; check that it is a readable file"
        }
        let code = errno // read once: making the message may set errno again
        let reason = String(cString: strerror(code)).lowercased()
        return code == ENOENT ? "\(reason); check the path" : reason
    }

    static func decode(_ data: Data, path: String) throws(InvalidInput) -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard var text = String(validating: bytes, as: UTF8.self) else {
            throw InvalidInput([.error(firstInvalidUTF8(bytes, path: path),
                                       "the file is not valid UTF-8; save it as UTF-8")])
        }
        if bytes.contains(UInt8(ascii: "\r")) { // an array is scanned many times faster than a String's UTF-8 view
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return text
    }

    /// Line and column of the first byte sequence that is not UTF-8.
    private static func firstInvalidUTF8(_ bytes: [UInt8], path: String) -> SourceLocation {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            let end = index + length
            if length == 0 || end > bytes.count
                || String(validating: bytes[index..<end], as: UTF8.self) == nil {
                let column = (String(validating: bytes[lineStart..<index], as: UTF8.self)?.count ?? (index - lineStart)) + 1
                return SourceLocation(path: path, line: line, column: column)
            }
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = end
            }
            index = end
        }
        return SourceLocation(path: path, line: line, column: 1)
    }
}
