import Foundation
import NovaCore
import Shared

/// The model's confirmation of cache hits, as nova asks it (``SemanticHitJudgePrompt``, on the prompts alone: the pairs
/// have no code), when `OPENAI_API_KEY` or `ANTHROPIC_API_KEY` is set; `CODE_GENERATOR_MODEL` (default
/// `claude-sonnet-4-5`), `OPENAI_BASE_URL` and `ANTHROPIC_BASE_URL` as for nova. Eight calls at a time.
struct ModelConfirmation {
    let llm: ModelRouter
    let model: String

    /// The configured model, or nil without a key.
    init?(environment: [String: String]) {
        func value(_ key: String) -> String? { environment[key].flatMap { $0.isEmpty ? nil : $0 } }
        guard value("OPENAI_API_KEY") != nil || value("ANTHROPIC_API_KEY") != nil else { return nil }
        llm = ModelRouter(
            openAIKey: value("OPENAI_API_KEY"), openAIBaseURL: value("OPENAI_BASE_URL"), anthropicKey: value("ANTHROPIC_API_KEY"),
            anthropicBaseURL: value("ANTHROPIC_BASE_URL"))
        model = value("CODE_GENERATOR_MODEL") ?? ModelRouter.defaultModel
    }

    /// The model's verdict on each pair (`a` the new prompt, `b` the cached one), in order; nil where the call failed
    /// or the answer held no verdict.
    func verdicts(for pairs: [LabelledPair]) async -> [Bool?] {
        await withTaskGroup(of: (Int, Bool?).self) { group in
            var results = [Bool?](repeating: nil, count: pairs.count)
            var next = 0
            func start() {
                guard next < pairs.count else { return }
                let index = next, pair = pairs[index]
                next += 1
                group.addTask { (index, await verdict(new: pair.a, cached: pair.b)) }
            }
            for _ in 0..<8 { start() }
            while let (index, verdict) = await group.next() {
                results[index] = verdict
                start()
            }
            return results
        }
    }

    private func verdict(new: String, cached: String) async -> Bool? {
        let judge = SemanticHitJudgePrompt(prompt: new, inputKeys: [], cachedPrompt: cached, code: nil)
        return try? await llm.ask(judge, model: model).verdict?.valid
    }
}
