import NovaJSON

/// The messages asking the model for analysis code (generation stage 2): a short program that inspects the keys the
/// ``DataAnalysisPlan`` chose and prints its findings as `context_updates.insights`. The model sees key names, types
/// and the node's task, never values.
package struct AnalysisPrompt: Sendable {
    /// What the node must do.
    package let prompt: String
    /// The keys to inspect and their types.
    package let keys: [String: JSONValue]

    /// Creates the prompt for `plan`'s keys of `schema`.
    package init(prompt: String, plan: DataAnalysisPlan, schema: InputSchema) {
        self.prompt = prompt
        self.keys = schema.types.filter { plan.reasons[$0.key] != nil }
    }

    /// The system prompt: what analysis code does and prints.
    package var system: String {
        """
        You write a short Python 3 program that inspects input data so that another program can later be written to \
        process it. The data is in a global dict named `context` (already defined). Report only structure and format: \
        for a base64 PDF its page count and the first lines of page 1; for spreadsheets the sheet names, column headers \
        and row counts; for CSV the delimiter, header and row count; for JSON text its top-level keys and value types; \
        for long text its length, line count and first lines. Print, as the last line, exactly one JSON object \
        {"status": "success", "context_updates": {"insights": ["<one finding>", ...]}} with at most 10 short findings. \
        Use only the standard library and pandas, openpyxl, pdfplumber. Answer with the program in one ```python block.
        """
    }

    /// The first user message.
    package var task: String {
        "The data is for this workflow step: \(prompt)\n\nKeys to inspect and their types:\n\(CanonicalJSON.pretty(.object(keys)))"
    }
}
