extension PromptAnalysis {
    /// The prompt as its canonical terms in order: synonyms as one term, stop words and fillers dropped, contrast
    /// values by name, then its identifiers, quoted literals, currencies and numbers.
    var canonicalText: String {
        var words = sequence.compactMap { item -> String? in
            if item == "filler" { return nil }
            if let colon = item.firstIndex(of: ":") { return String(item[item.index(after: colon)...]) }
            return item
        }
        words += identifiers + literals + currencies.map { $0.lowercased() }
        words += numbers.sorted().map { $0.rounded() == $0 && abs($0) < 1e15 ? String(Int($0)) : String($0) }
        return words.joined(separator: " ")
    }
}
