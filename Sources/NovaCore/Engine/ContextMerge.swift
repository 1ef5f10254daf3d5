import NovaJSON

/// How a node's result object enters the context (docs/api.md §3.8 step 3).
package enum ContextMerge {
    /// `context` with every member of `updates` added or overwritten, except keys starting with `_`, which
    /// executors may not set; no key is ever removed.
    package static func merge(_ updates: [String: JSONValue], into context: [String: JSONValue]) -> [String: JSONValue] {
        var merged = context
        for (key, value) in updates where !key.hasPrefix("_") {
            merged[key] = value
        }
        return merged
    }

    /// The context a run starts with: `initial` plus `credentials` (credentials win), and `_analyzed_keys = {}`
    /// when absent (docs/api.md §3.8 step 1, §3.10).
    package static func initial(_ initial: [String: JSONValue], credentials: [String: JSONValue]) -> [String: JSONValue] {
        var context = initial.merging(credentials) { _, credential in credential }
        if context["_analyzed_keys"] == nil {
            context["_analyzed_keys"] = .object([:])
        }
        return context
    }
}
