import Foundation
import NovaCore
import NovaJSON
import Shared

/// The pipeline's semantic cache over nova's ``NovaRAGClient``: one search with threshold 0 and top 10 (the
/// pipeline applies `SEMANTIC_CACHE_THRESHOLD` and `SEMANTIC_CACHE_TOP_K`), saves after validated generations,
/// result reports after reuses, the model's verdicts on candidates. Saves record the generation's tokens and cost in the entry's metadata
/// (`generation_tokens_input`, `generation_tokens_output`, `generation_cost_usd`) so a later hit can say what it saved.
struct RAGSemanticCodeSource: SemanticCodeSource {
    let client: NovaRAGClient
    let wallClock: any WallClock

    func search(query: String, availableKeys: [String], workflowID: Int, maxErrorRate: Double?) async throws -> [SemanticCandidate] {
        let response: CodeSearchResponse
        do {
            response = try await client.search(
                CodeSearchRequest(
                    query: query, threshold: 0, topK: 10, availableKeys: availableKeys, workflowID: workflowID, maxErrorRate: maxErrorRate))
        } catch let error as NovaRAGError {
            throw error.isInfrastructure ? SemanticSearchFailure.unavailable(error.description) : SemanticSearchFailure.failed(error.description)
        }
        if let error = response.error { throw SemanticSearchFailure.failed(error) }
        return response.matches.map { match in
            var candidate = SemanticCandidate(
                id: match.id, code: match.code, score: match.score ?? 0,
                requiredKeys: match.metadata["required_keys"]?.arrayValue?.compactMap(\.stringValue) ?? [], nodeAction: match.nodeAction,
                prompt: match.metadata["prompt"]?.stringValue ?? match.nodeDescription,
                generationTokensInput: match.metadata["generation_tokens_input"]?.intValue,
                generationTokensOutput: match.metadata["generation_tokens_output"]?.intValue,
                generationCostUSD: match.metadata["generation_cost_usd"]?.doubleValue)
            candidate.guardConflict = match.guardConflict
            candidate.servable = match.decision == "serve"
            candidate.confidence = match.confidence
            return candidate
        }
    }

    func save(_ draft: SemanticSaveDraft) async throws {
        _ = try await client.save(
            CodeSaveRequest(
                aiDescription: draft.prompt, inputSchema: draft.schema.types, insights: [], config: draft.schema.config, code: draft.code,
                nodeAction: draft.nodeID, nodeDescription: String(draft.prompt.prefix(100)), workflowID: draft.workflowID,
                metadata: [
                    "success_count": 1, "created_at": .string(WireDate.naive(wallClock.now())), "prompt": .string(draft.prompt),
                    "libraries_used": .array(CodeFacts.librariesUsed(in: draft.code).map(JSONValue.string)),
                    "required_keys": .array(CodeFacts.requiredKeys(in: draft.code).map(JSONValue.string)),
                    "generation_tokens_input": .int(draft.tokensInput), "generation_tokens_output": .int(draft.tokensOutput),
                    "generation_cost_usd": draft.costUSD.map(JSONValue.double) ?? .null,
                ]))
    }

    func report(_ candidate: SemanticCandidate, success: Bool, confirmed: Bool) async {
        _ = try? await client.reportResult(
            id: candidate.id,
            CodeResultRequest(success: success, similarity: candidate.score, confirmed: confirmed, guardConflict: candidate.guardConflict != nil))
    }

    func recordVerdict(_ candidate: SemanticCandidate, correct: Bool) async {
        _ = try? await client.reportVerdict(
            id: candidate.id, CodeVerdictRequest(similarity: candidate.score, correct: correct, guardConflict: candidate.guardConflict != nil))
    }
}
