import Foundation

/// The sandbox interpreter's version (`3.11.7`), part of the exact-cache key so that code cached for one Python is
/// not reused on another.
enum PythonRuntimeVersion {
    /// Asks `interpreter` once; an interpreter that does not answer gives an empty string, which disables the exact
    /// cache rather than risking a wrong hit.
    static func detect(interpreter: String) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: interpreter)
        process.arguments = ["-c", "import sys; print(sys.version.split()[0])"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return "" }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return "" }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
