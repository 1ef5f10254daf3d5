import Foundation

/// A real HTTP and HTTPS server on 127.0.0.1 (Python's `http.server`, the HTTPS one with a self-signed certificate
/// made by `openssl`), standing in for a site on the internet. Each `GET` is answered with JSON naming the path, the
/// scheme and whether a `Proxy-Authorization` header reached it.
final class LocalWebServer: @unchecked Sendable {
    let httpPort: Int
    let httpsPort: Int
    private let process: Process
    private let input = Pipe()
    private let folder: URL

    private static let script = """
        import http.server, json, ssl, subprocess, sys, threading
        folder = sys.argv[1]
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=allowed.test",
                        "-keyout", folder + "/key.pem", "-out", folder + "/cert.pem"], check=True, capture_output=True)
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                leaked = any(name.lower() == "proxy-authorization" for name in self.headers.keys())
                body = json.dumps({"path": self.path, "https": self.server.https, "credential_leaked": leaked}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            def log_message(self, *arguments):
                pass
        plain = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        plain.https = False
        secure = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        secure.https = True
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(folder + "/cert.pem", folder + "/key.pem")
        secure.socket = context.wrap_socket(secure.socket, server_side=True)
        for server in (plain, secure):
            threading.Thread(target=server.serve_forever, daemon=True).start()
        print(plain.server_port, secure.server_port, flush=True)
        sys.stdin.read()
        """

    /// Starts both servers and waits for their ports.
    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("nova-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", Self.script, folder.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = input
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            line += chunk
        }
        let ports = String(decoding: line, as: UTF8.self).split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        guard ports.count == 2 else {
            try? input.fileHandleForWriting.close()
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "the local web server did not start"])
        }
        httpPort = ports[0]
        httpsPort = ports[1]
    }

    /// Stops the servers (closing their stdin ends the script; a signal may be blocked in a child of the test process)
    /// and removes the certificate.
    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }
}
