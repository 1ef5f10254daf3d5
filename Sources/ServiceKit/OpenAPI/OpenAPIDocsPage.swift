import NovaJSON

/// A self-contained HTML page (no scripts, no CDN) listing every operation and schema of an ``OpenAPIDocument``,
/// served as `/docs`.
package enum OpenAPIDocsPage {
    /// The page for `document`, linking to the JSON at `specPath`.
    package static func html(_ document: OpenAPIDocument, specPath: String = "/openapi.json") -> String {
        var html = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>\(escape(document.title)) \(escape(document.version))</title>
            <style>
            body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1d2330}
            h2{border-bottom:1px solid #ccd;margin-top:2.5rem}.op{border:1px solid #dde;border-radius:6px;margin:1rem 0;padding:.6rem 1rem}
            .m{display:inline-block;min-width:4.5rem;font-weight:700;font-family:monospace}.GET{color:#1565c0}.POST{color:#2e7d32}
            .PUT{color:#ef6c00}.DELETE{color:#c62828}code{background:#f3f4f8;padding:0 .25rem;border-radius:3px}
            table{border-collapse:collapse;margin:.4rem 0}td,th{border:1px solid #e0e2ea;padding:.2rem .6rem;text-align:left;vertical-align:top}
            </style></head><body>
            <h1>\(escape(document.title)) <small>\(escape(document.version))</small></h1><p>\(escape(document.description))</p>
            <p>Machine-readable: <a href="\(escape(specPath))">\(escape(specPath))</a> (OpenAPI 3.1).</p>
            """
        let tags = document.operations.reduce(into: [String]()) { tags, operation in if !tags.contains(operation.tag) { tags.append(operation.tag) } }
        for tag in tags {
            html += "<h2>\(escape(tag))</h2>"
            for operation in document.operations where operation.tag == tag { html += self.operation(operation) }
        }
        html += "<h2>Schemas</h2>"
        for name in document.schemas.keys.sorted() { html += schema(name, document.schemas[name] ?? .null) }
        return html + "</body></html>"
    }

    private static func operation(_ operation: OpenAPIOperation) -> String {
        var html = "<div class=\"op\"><span class=\"m \(operation.method)\">\(operation.method)</span><code>\(escape(operation.path))</code> — "
        html += escape(operation.summary) + (operation.isPublic ? " <em>(no key needed)</em>" : "")
        if !operation.parameters.isEmpty {
            html += "<table><tr><th>parameter</th><th>in</th><th>type</th><th>meaning</th></tr>"
            for parameter in operation.parameters {
                html += "<tr><td><code>\(escape(parameter.name))</code></td><td>\(parameter.location.rawValue)</td>"
                html += "<td>\(escape(describe(parameter.schema)))</td><td>\(escape(parameter.description))</td></tr>"
            }
            html += "</table>"
        }
        if let body = operation.body {
            html += "<p>Body\(body.required ? "" : " (optional)"): \(escape(describe(body.schema)))</p>"
        }
        html += "<table><tr><th>status</th><th>answer</th></tr>"
        for (status, answer) in operation.responses {
            let bodies = answer.content.keys.sorted().map { "\($0): \(describe(answer.content[$0] ?? .null))" }.joined(separator: "; ")
            html += "<tr><td>\(status)</td><td>\(escape(answer.description))\(bodies.isEmpty ? "" : " — " + escape(bodies))</td></tr>"
        }
        return html + "</table></div>"
    }

    private static func schema(_ name: String, _ schema: JSONValue) -> String {
        var html = "<h3 id=\"\(escape(name))\">\(escape(name))</h3>"
        guard let properties = schema["properties"]?.objectValue else { return html + "<p>\(escape(describe(schema)))</p>" }
        let required = Set(schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        html += "<table><tr><th>field</th><th>type</th><th>required</th></tr>"
        for key in properties.keys.sorted() {
            html +=
                "<tr><td><code>\(escape(key))</code></td><td>\(escape(describe(properties[key] ?? .null)))</td><td>\(required.contains(key) ? "yes" : "")</td></tr>"
        }
        if let additional = schema["additionalProperties"], additional != .bool(false) {
            html += "<tr><td><em>other members</em></td><td>\(escape(describe(additional)))</td><td></td></tr>"
        }
        return html + "</table>"
    }

    /// A short human description of a schema: `Workflow`, `string`, `array of Execution`, `integer or null`.
    static func describe(_ schema: JSONValue) -> String {
        if let reference = schema["$ref"]?.stringValue { return String(reference.split(separator: "/").last ?? "") }
        if let options = schema["anyOf"]?.arrayValue { return options.map(describe).joined(separator: " or ") }
        if let values = schema["enum"]?.arrayValue { return "one of " + values.compactMap(\.stringValue).joined(separator: ", ") }
        guard let type = schema["type"]?.stringValue else { return "any JSON" }
        switch type {
        case "array": return "array of " + describe(schema["items"] ?? .object([:]))
        case "integer" where schema["minimum"] != nil: return "integer ≥ \(schema["minimum"]?.jsonText ?? "")"
        default: return type
        }
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
