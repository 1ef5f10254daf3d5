import NovaJSON

extension CodePipeline {
    /// The documentation snippets of one generation: one query with the node's prompt, before the first attempt. The
    /// cited chunks go to `ai_metadata.doc_chunks`; a failure (nova-rag down, breaker open) is recorded in
    /// `documentation_search.error` and the generation goes on without snippets.
    func documentationSnippets(for prompt: String, ledger: inout GenerationLedger) async -> [DocSnippet] {
        guard let documentation else { return [] }
        let started = timer.now
        let snippets: [DocSnippet]
        do {
            snippets = try await documentation.snippets(for: prompt, limit: settings.documentationTopK)
        } catch {
            ledger.findings.docChunks = []
            ledger.findings.documentationSearch = DocumentationSearch(
                topK: settings.documentationTopK, error: String(describing: error), timeMs: elapsed(since: started))
            return []
        }
        ledger.findings.documentationSearch = DocumentationSearch(topK: settings.documentationTopK, error: nil, timeMs: elapsed(since: started))
        ledger.findings.docChunks = snippets.map { CitedDocChunk(id: $0.id, source: $0.source, file: $0.file, score: $0.score) }
        ledger.documentationCall = DocumentationCall(
            arguments: .init(query: prompt, topK: settings.documentationTopK), resultPreview: snippets.map(\.id).joined(separator: ", "))
        return snippets
    }
}
