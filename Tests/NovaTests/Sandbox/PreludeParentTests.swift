import Foundation
import Testing

@testable import NovaCore

/// Outside namespaces the prelude ties itself to the nova that launched it, so a nova killed while a sandbox starts
/// leaves no node code running.
@Suite("Sandbox prelude parent")
struct PreludeParentTests {
    @Test("the prelude runs the code when its parent is the PID it was given, and exits 125 before it when not")
    func parentChecked() throws {
        let ours = try Self.runPrelude(parent: getpid())
        #expect(ours.status == 0 && ours.output == "ran\n", "\(ours)")
        let other = try Self.runPrelude(parent: 1)
        #expect(other.status == 125 && other.output.isEmpty, "\(other)")
    }

    /// Runs `print("ran")` through the prelude without confinement, telling it `parent` is nova's PID.
    private static func runPrelude(parent: pid_t) throws -> (status: Int32, output: String) {
        let process = Process()
        let input = Pipe()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        let limits = ["60", String(1 << 31), String(1 << 24), "4096", "0", "-1", "-1", "1", String(parent)]
        process.arguments = ["-I", "-c", PythonPrelude.source] + limits + ["", ""]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let code = Data("print(\"ran\")".utf8).base64EncodedString()
        let context = Data("{}".utf8).base64EncodedString()
        try? input.fileHandleForWriting.write(contentsOf: Data("\(code)\n\(context)\n".utf8))
        try? input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}
