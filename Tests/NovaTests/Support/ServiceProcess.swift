import AsyncHTTPClient
import Foundation
import NIOCore

/// A real `nova` or `nova-rag` process started from the build folder, for tests where sockets and crashes matter.
final class ServiceProcess: @unchecked Sendable {
    let port: Int
    private let process: Process
    let log: URL

    /// The folder holding the test bundle, where SwiftPM also puts the executables.
    static var binaryDirectory: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    }

    /// Starts `executable <subcommand>` (default `serve`) with `environment` on `port` (by default a free loopback
    /// port) and waits until `/health` answers, or, with `readyLine`, until the log contains that text (for processes
    /// without HTTP).
    init(
        _ executable: String, environment: [String: String], arguments: [String] = [], subcommand: String = "serve", readyLine: String? = nil,
        port fixedPort: Int? = nil
    ) async throws {
        port = try fixedPort ?? Self.freePort()
        log = FileManager.default.temporaryDirectory.appendingPathComponent("\(executable)-\(port)-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process = Process()
        process.executableURL = Self.binaryDirectory.appendingPathComponent(executable)
        process.arguments = [subcommand] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }.merging(["HOST": "127.0.0.1", "PORT": String(port)]) {
            $1
        }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        if let readyLine {
            try await waitForLog(readyLine)
        } else {
            try await waitUntilHealthy(server: executable)
        }
    }

    /// What the process logged so far.
    var logText: String {
        (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    }

    private func waitForLog(_ line: String) async throws {
        for _ in 0..<300 {
            if logText.contains(line) { return }
            if !process.isRunning { throw ProcessFailed(description: "exited with \(process.terminationStatus): \(logText)") }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ProcessFailed(description: "did not log '\(line)' within 15 s: \(logText)")
    }

    /// `http://127.0.0.1:<port>`.
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Kills the process with SIGKILL and waits for it.
    func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Stops the process with SIGTERM and waits for it; one still running after ``stopGrace`` is killed with SIGKILL
    /// (and the test output says so), so that a shutdown that hangs cannot stall the suite.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(Self.stopGrace)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning {
            print("\(process.executableURL?.lastPathComponent ?? "process") did not stop within \(Self.stopGrace) s of SIGTERM; killed")
            kill9()
        }
    }

    /// How long ``stop()`` waits after SIGTERM.
    static let stopGrace: TimeInterval = 15

    /// Waits until `/health` answers 200 from a server named `server`: another process that took the port first (a
    /// free port is picked, then released) must not pass for this one.
    private func waitUntilHealthy(server: String) async throws {
        for _ in 0..<200 {
            if !process.isRunning {
                throw ProcessFailed(description: "exited with \(process.terminationStatus): \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
            }
            if let response = try? await HTTPClient.shared.execute(HTTPClientRequest(url: baseURL + "/health"), timeout: .seconds(1)),
                response.status == .ok, response.headers.first(name: "Server") == server
            {
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ProcessFailed(description: "did not become healthy within 10 s")
    }

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw ProcessFailed(description: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    struct ProcessFailed: Error, CustomStringConvertible {
        let description: String
    }
}

extension HTTPClient {
    /// POSTs JSON text and returns the status and body text.
    func postJSON(_ url: String, _ body: String, timeout: TimeAmount = .seconds(30)) async throws -> (Int, String) {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await execute(request, timeout: timeout)
        let bytes = try await response.body.collect(upTo: 16 << 20)
        return (Int(response.status.code), String(buffer: bytes))
    }

    /// GETs `url` and returns the status and body text.
    func getText(_ url: String) async throws -> (Int, String) {
        let response = try await execute(HTTPClientRequest(url: url), timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 16 << 20)
        return (Int(response.status.code), String(buffer: bytes))
    }
}
