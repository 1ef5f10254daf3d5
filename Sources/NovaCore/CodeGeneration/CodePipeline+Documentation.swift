import NovaJSON

extension CodePipeline {
    /// The documentation snippets of one generation: one query with the node's prompt, before the first attempt. The
    /// cited chunks go to `ai_metadata.doc_chunks`; a failure (nova-rag down, breaker open) is recorded in
    /// `documentation_search.error` and the generation goes on without snippets.
    func documentationSnippets(for prompt: String, ledger: inout GenerationLedger) async -> [DocSnippet] {
        guard let documentation else { return [] }
        let started = timer.now
        var search: [String: JSONValue] = ["top_k": .int(settings.documentationTopK)]
        let snippets: [DocSnippet]
        do {
            snippets = try await documentation.snippets(for: prompt, limit: settings.documentationTopK)
        } catch {
            search["error"] = .string(String(describing: error))
            search["time_ms"] = .double(elapsed(since: started))
            ledger.documentation = ["doc_chunks": .array([]), "documentation_search": .object(search)]
            return []
        }
        search["time_ms"] = .double(elapsed(since: started))
        let cited = snippets.map { snippet in
            JSONValue.object([
                "id": .string(snippet.id), "source": .string(snippet.source), "file": .string(snippet.file), "score": .double(snippet.score),
            ])
        }
        ledger.documentation = ["doc_chunks": .array(cited), "documentation_search": .object(search)]
        ledger.documentationCall = .object([
            "function": "search_documentation", "arguments": .object(["query": .string(prompt), "top_k": .int(settings.documentationTopK)]),
            "result_preview": .string(snippets.map(\.id).joined(separator: ", ")),
        ])
        return snippets
    }
}
