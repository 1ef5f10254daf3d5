/// Which files of a knowledge folder are indexed and the `source`/`topic` each gets (knowledge/README.md).
///
/// - `integrations/<name>.md` → source = topic = `<name>` (docs/api.md §2.3)
/// - `official_docs/<name>.md` → source = `<name>` without a trailing `_official` or `_ocr`, topic = `official`
/// - `<folder>/…/<name>.md` → source = `<folder>`, topic = `<name>`
/// - `<name>.md` in the root → source = topic = `<name>`
///
/// `README.md`, names starting with `_` (such as `_index.md`) and hidden files or folders are not indexed.
package enum KnowledgeLayout {
    /// Whether the file at `relativePath` is part of the knowledge base.
    package static func isIndexed(_ relativePath: String) -> Bool {
        let parts = relativePath.split(separator: "/")
        guard let name = parts.last, name.lowercased().hasSuffix(".md"), name.lowercased() != "readme.md", !name.hasPrefix("_") else { return false }
        return !parts.contains { $0.hasPrefix(".") }
    }

    /// The `source` and `topic` of the file at `relativePath`.
    package static func metadata(forFile relativePath: String) -> (source: String, topic: String) {
        let parts = relativePath.split(separator: "/").map(String.init)
        let name = String((parts.last ?? relativePath).dropLast(".md".count))
        guard parts.count > 1 else { return (name, name) }
        switch parts[0] {
        case "integrations":
            return (name, name)
        case "official_docs":
            let source = ["_official", "_ocr"].first { name.hasSuffix($0) }.map { String(name.dropLast($0.count)) } ?? name
            return (source, "official")
        default:
            return (parts[0], name)
        }
    }
}
