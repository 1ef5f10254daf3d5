/// Checks generated code before it runs (issue 8: syntax, forbidden imports, output protocol present). Syntax is
/// checked by the caller's ``PythonSyntaxChecker``; this type holds the textual rules.
package enum StaticCodeCheck {
    /// Modules generated node code may not import: process control and interpreter escape hatches.
    package static let forbiddenModules: Set<String> = ["subprocess", "ctypes", "multiprocessing", "pty", "socketserver", "importlib"]

    /// The first problem found, or nil.
    package static func problem(in code: String) -> String? {
        if let module = CodeFacts.librariesUsed(in: code).first(where: forbiddenModules.contains) {
            return "the code imports \(module), which node code may not use"
        }
        let calls = ["os.system(", "os.popen(", "eval(", "exec(", "__import__("]
        if let call = calls.first(where: code.contains) {
            return "the code calls \(call.dropLast()), which node code may not use"
        }
        guard code.contains("print(") && (code.contains("json.dumps") || code.contains("context_updates")) else {
            return "the code does not print its result as one JSON line ({\"status\": \"success\", \"context_updates\": {...}})"
        }
        return nil
    }
}
