/// USD per million tokens for the models Nova knows, in one place (docs/api.md D32: cost of every LLM call recorded).
/// Unknown models cost nil: recorded as unknown, never guessed.
package enum ModelPrices {
    /// (input, output) USD per million tokens.
    private static let table: [String: (input: Double, output: Double)] = [
        "claude-sonnet-4-5": (3, 15), "claude-opus-4-1": (15, 75), "claude-haiku-4-5": (1, 5), "claude-3-5-haiku": (0.8, 4),
        "gpt-4o": (2.5, 10), "gpt-4o-mini": (0.15, 0.6), "gpt-4.1": (2, 8), "gpt-4.1-mini": (0.4, 1.6), "gpt-5": (1.25, 10),
        "gpt-5-mini": (0.25, 2),
    ]

    /// The cost of one call, or nil for a model not in the table. Dated variants (`claude-sonnet-4-5-20250929`) use
    /// their base model's price.
    package static func costUSD(model: String, inputTokens: Int, outputTokens: Int) -> Double? {
        let key = table.keys.filter { model == $0 || model.hasPrefix($0 + "-") }.max { $0.count < $1.count }
        guard let key, let price = table[key] else { return nil }
        return (Double(inputTokens) * price.input + Double(outputTokens) * price.output) / 1_000_000
    }
}
