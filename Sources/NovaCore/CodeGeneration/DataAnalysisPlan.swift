import NovaJSON

/// Generation stage 1 (`input_analysis`): whether the node's data needs a look by analysis code before its program is
/// written, and which keys. Decided from the input schema and value sizes alone — deterministic, free, and nothing is
/// sent anywhere: documents (base64, attachments), CSV text, JSON text and long text need analysis, because their
/// structure (pages, columns, fields) decides how the program must read them; scalars and short strings do not.
package struct DataAnalysisPlan: Sendable, Equatable {
    /// A string at least this long is long text worth analysing.
    package static let longTextCharacters = 2000

    /// Keys to analyse → why (`base64 document`, `file attachments`, `CSV text`, `JSON text`, `long text`).
    package let reasons: [String: String]

    /// The plan for `context`, whose schema is `schema` (credential keys are never in it, so never analysed).
    package init(context: [String: JSONValue], schema: InputSchema) {
        var reasons: [String: String] = [:]
        for (key, type) in schema.types {
            guard let type = type.stringValue else { continue }
            if let reason = Self.reason(type: type, value: context[key]) { reasons[key] = reason }
        }
        self.reasons = reasons
    }

    /// Whether stage 2 runs.
    package var isNeeded: Bool { !reasons.isEmpty }

    /// The keys to analyse, sorted.
    package var keys: [String] { reasons.keys.sorted() }

    /// One sentence for the chain of work.
    package var explanation: String {
        guard isNeeded else { return "the input holds only scalars, short text and plain structures: no analysis needed" }
        return "analysis needed for " + keys.map { "\($0) (\(reasons[$0] ?? ""))" }.joined(separator: ", ")
    }

    private static func reason(type: String, value: JSONValue?) -> String? {
        if type == "base64_large" { return "base64 document" }
        if type.hasPrefix("list[attachment") { return "file attachments" }
        if type.hasPrefix("csv[") { return "CSV text" }
        if type == "json_dict" || type == "json_list" { return "JSON text" }
        if type == "str", let text = value?.stringValue, text.count >= longTextCharacters { return "long text" }
        return nil
    }
}
