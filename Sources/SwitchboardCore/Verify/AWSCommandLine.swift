import Foundation

/// The AWS CLI as `verify`'s AWS client: run as a subprocess with the user's profile or SSO
/// session, so Switchboard never handles credentials. Read-only calls; the CLI follows pages.
public struct AWSCommandLine: Sendable {
    /// The `aws` program (found on PATH by default).
    public var program: String
    /// Seconds one call may take before it is stopped and reported.
    public var timeout: Double

    public init(program: String = "aws", timeout: Double = 60) {
        self.program = program
        self.timeout = timeout
    }

    public enum Failure: Error, Sendable, Equatable {
        /// The object asked for does not exist (IAM's NoSuchEntity, ResourceNotFoundException).
        case notFound
        /// Anything else: credentials, permissions, network, a time-out. Not drift.
        case failed(String)
    }

    /// `aws SERVICE OPERATION ARGUMENTS --output json [--profile PROFILE]`, decoded.
    public func call(_ arguments: [String], profile: String?) -> Result<[String: Any], Failure> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments + ["--output", "json"] + (profile.map { ["--profile", $0] } ?? [])
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return .failure(.failed("cannot run \(program): \(error.localizedDescription)")) }
        let timer = DispatchWorkItem { process.terminate() }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        // Both pipes are drained at once: a full stderr pipe would otherwise block the CLI.
        let errorText = ErrorText()
        let drained = DispatchGroup()
        DispatchQueue.global().async(group: drained) { errorText.data = errors.fileHandleForReading.readDataToEndOfFile() }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        let message = String(decoding: errorText.data, as: UTF8.self)
        process.waitUntilExit()
        timer.cancel()
        if process.terminationReason == .uncaughtSignal {
            return .failure(.failed("no answer within \(Int(timeout)) s"))
        }
        guard process.terminationStatus == 0 else {
            if message.contains("NoSuchEntity") || message.contains("ResourceNotFoundException") { return .failure(.notFound) }
            let line = message.split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            return .failure(.failed(line.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? "exit code \(process.terminationStatus)"))
        }
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A }) { return .success([:]) }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return .failure(.failed("the answer was not JSON"))
        }
        return .success(object)
    }
}

/// What the CLI printed to stderr, handed from the thread that read it.
private final class ErrorText: @unchecked Sendable {
    var data = Data() // written by one thread before `drained.wait()` returns in the other
}
