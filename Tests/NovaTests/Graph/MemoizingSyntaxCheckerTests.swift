import Foundation
import NovaCore
import Testing

/// The remembered syntax answers, with a real `python3` that is taken away after the first check.
@Suite("Memoizing Python syntax checker")
struct MemoizingSyntaxCheckerTests {
    @Test("sources already checked are answered without python3; new ones still need it; the memory is bounded")
    func remembers() async throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("nova-syntax-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let interpreter = folder.appendingPathComponent("python3")
        try FileManager.default.createSymbolicLink(atPath: interpreter.path, withDestinationPath: "/usr/bin/python3")
        let checker = MemoizingPythonSyntaxChecker(ProcessPythonSyntaxChecker(interpreter: interpreter.path), capacity: 3)

        let first = try await checker.syntaxErrors(in: ["x = 1", "def (", "x = 1"])
        #expect(first[0] == nil && first[2] == nil)
        #expect(first[1]?.contains("(line 1)") == true)

        try FileManager.default.removeItem(at: interpreter)
        let again = try await checker.syntaxErrors(in: ["def (", "x = 1"])
        #expect(again == [first[1], nil])
        await #expect(throws: PythonSyntaxCheckError.self) { try await checker.syntaxErrors(in: ["x = 1", "y = 2"]) }

        try FileManager.default.createSymbolicLink(atPath: interpreter.path, withDestinationPath: "/usr/bin/python3")
        #expect(try await checker.syntaxErrors(in: ["a = 1", "b = 2"]) == [nil, nil])
        try FileManager.default.removeItem(at: interpreter)
        await #expect(throws: PythonSyntaxCheckError.self, "a full memory was cleared") { try await checker.syntaxErrors(in: ["x = 1"]) }
    }
}
