import NovaJSON

/// The messages sent to the model to write a node's code: the node's prompt, the input schema (key names and shapes,
/// never values), credential flags, redacted analysis insights, documentation snippets, the output protocol, and on
/// retries the previous attempt's error. Context values and credentials never appear (docs/api.md D4).
package struct GenerationPrompt: Sendable {
    /// The node's id.
    package let nodeID: String
    /// `action` or `decision`.
    package let nodeType: String
    /// What the node must do.
    package let prompt: String
    /// The input schema.
    package let schema: InputSchema
    /// Insights printed by analysis code, already redacted.
    package let insights: [String]
    /// Documentation snippets from nova-rag.
    package let documentation: [String]

    /// Creates the prompt.
    package init(nodeID: String, nodeType: String, prompt: String, schema: InputSchema, insights: [String], documentation: [String]) {
        self.nodeID = nodeID
        self.nodeType = nodeType
        self.prompt = prompt
        self.schema = schema
        self.insights = insights
        self.documentation = documentation
    }

    /// The system prompt: the program contract every node follows.
    package var system: String {
        var rules = """
            You write one Python 3 program for a step of a business workflow. The program receives a global dict named \
            `context` (already defined; do not read files or stdin to get it). It must print, as its last line, exactly one \
            JSON object: {"status": "success", "context_updates": {...}} with only the keys it adds or changes, or \
            {"status": "error", "message": "..."} when it cannot do the task. Use only the standard library and pandas, \
            openpyxl, pdfplumber, requests, psycopg2. Never print secrets. Answer with the program in one ```python block.
            """
        if nodeType == "decision" {
            rules += "\nThis is a decision step: set context_updates[\"\(nodeID)\"] to true or false (or a short lower-case label)."
        }
        return rules
    }

    /// The first user message.
    package var task: String {
        var parts = ["Task: \(prompt)", "Input context keys and types:\n\(CanonicalJSON.pretty(.object(schema.types)))"]
        if !schema.config.isEmpty {
            parts.append("Credentials available in context (values hidden):\n\(CanonicalJSON.pretty(.object(schema.config)))")
        }
        if !insights.isEmpty {
            parts.append("What analysis of the data found:\n" + insights.map { "- \(String($0.prefix(500)))" }.joined(separator: "\n"))
        }
        if !documentation.isEmpty {
            parts.append("Relevant documentation:\n" + documentation.map { String($0.prefix(1500)) }.joined(separator: "\n---\n"))
        }
        return parts.joined(separator: "\n\n")
    }

    /// The message asking for a corrected program after `error`.
    package static func retry(after error: String) -> String {
        "That program failed: \(String(error.suffix(2000)))\nFix it and answer with the whole corrected program in one ```python block."
    }
}
