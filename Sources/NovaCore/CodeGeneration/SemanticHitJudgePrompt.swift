/// The model's confirmation of a semantic-cache candidate (`CONFIRM_SEMANTIC_HITS_WITH_LLM`, on by default when an LLM
/// key is set), asked after cosine similarity and nova-rag's prompt guard and before the candidate runs: the node's
/// prompt and input keys, the prompt the cached code was written for and the code go to the model, which answers with a
/// JSON verdict `{"valid": bool, "reason": "..."}`: whether the code does exactly what the new prompt asks. Context
/// values never go, only their keys; prompts and code pass through the request's redactor like every LLM message.
package struct SemanticHitJudgePrompt: VerdictQuestion {
    /// The longest stretch of code sent, in characters.
    package static let codeCharacters = 4000
    /// Upper bound on the verdict's tokens.
    package static let answerTokens = 200

    /// What the node has to do now.
    package let prompt: String
    /// The keys the node's context holds, sorted.
    package let inputKeys: [String]
    /// What the cached code was written for (the saved prompt, or its first 100 characters for entries saved without it).
    package let cachedPrompt: String
    /// The cached code, cut to ``codeCharacters``; nil to judge on the prompts alone (the precision benchmark's pairs).
    package let code: String?
    /// The difference nova-rag's prompt guard reads between the two prompts (e.g. `number 1000 vs 5000`), given to the
    /// model as a hint to check, not as a verdict; nil when it reads none.
    package let guardHint: String?

    /// The judgement of `code`, written for `cachedPrompt`, as the code of a node asked `prompt` over `inputKeys`.
    package init(prompt: String, inputKeys: [String], cachedPrompt: String, code: String?, guardHint: String? = nil) {
        self.prompt = prompt
        self.inputKeys = inputKeys.sorted()
        self.cachedPrompt = cachedPrompt
        self.code = code.map { String($0.prefix(Self.codeCharacters)) }
        self.guardHint = guardHint
    }

    /// The system prompt.
    package var system: String {
        """
        A cache of Python code for the steps of business workflows found code written for another step. Decide whether \
        running it does exactly what the new step asks: the same operation, the same fields, the same numbers and \
        thresholds, the same direction, order, filters and output. Other wording for the same request is valid; any \
        difference in what is read, computed, filtered, written, sent or returned is not. Answer with exactly one JSON \
        object: {"valid": true, "reason": "<one sentence>"} or {"valid": false, "reason": "<the difference>"}.
        """
    }

    /// The user message.
    package var task: String {
        var text = """
            New step: \(prompt)
            Its input keys: \(inputKeys.isEmpty ? "(none)" : inputKeys.joined(separator: ", "))

            The cached code was written for: \(cachedPrompt)
            """
        if let guardHint {
            text +=
                "\n\nA word-list check reads a possible difference between the two steps (it is often wrong about "
                + "rewording; check it): \(guardHint)"
        }
        if let code { text += "\n\nCached code:\n```python\n\(code)\n```" }
        return text
    }
}
