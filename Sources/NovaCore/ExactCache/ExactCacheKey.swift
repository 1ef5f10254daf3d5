import Foundation
import NovaJSON

/// The exact-cache key (docs/api.md §4.3, D1): SHA-256 of the normalised prompt, node type, sandbox runtime version and
/// the canonical JSON of the input schema and credential flags — never the context's values.
package enum ExactCacheKey {
    /// The 64-hex key; nil when a part cannot be computed (then nothing is cached: a wrong hit is worse than a miss).
    package static func make(prompt: String, nodeType: String, runtimeVersion: String, schema: InputSchema) -> String? {
        let normalised = prompt.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard !normalised.isEmpty, !runtimeVersion.isEmpty else { return nil }
        let canonical = JSONValue.object(["input_schema": .object(schema.types), "config": .object(schema.config)]).jsonText
        let material = "\(normalised)::\(nodeType)::\(runtimeVersion)::\(canonical)"
        return SHA256Hex.of(material)
    }

    /// `sha256(lower(trim(prompt)))`, the `task_hash` column.
    package static func taskHash(prompt: String) -> String {
        SHA256Hex.of(prompt.trimmingCharacters(in: .whitespacesAndNewlines).lowercased())
    }
}
