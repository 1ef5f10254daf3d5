/// Closed lists of words and phrases in English and Spanish: synonyms mapped to one canonical term, values of
/// contrast dimensions, negations, currencies and stop words.
///
/// Phrases are matched on word stems (see ``WordStemmer``), longest first, so inflections need not be listed.
/// An entry written with a leading `=` matches that exact word only, before stemming.
struct PromptLexicon: Sendable {
    /// The lexicon built from the vocabulary lists.
    static let shared = PromptLexicon()

    /// The stems of ``genericWords``, as swapped terms are keyed.
    static let genericStems: Set<String> = Set(genericWords.map(WordStemmer.stem))

    /// Effects by phrase key: the phrase's word stems (or an exact word prefixed with `=`) joined by spaces.
    private let phrases: [String: [LexiconEffect]]
    /// Keys of the first words of every phrase longer than one word, so that matching stops where no phrase goes on.
    private let prefixes: Set<String>

    /// Builds the phrase table from ``entries``.
    init() {
        var phrases: [String: [LexiconEffect]] = [:]
        var prefixes: Set<String> = []
        for (list, effects) in Self.entries {
            for phrase in list.split(separator: "|") {
                if phrase.hasPrefix("=") {
                    phrases[String(phrase)] = effects
                    continue
                }
                let keys = Self.keys(of: PromptTokenizer.tokens(of: String(phrase)))
                guard !keys.isEmpty, keys.allSatisfy({ $0 != nil }) else { continue }
                let words = keys.compactMap { $0 }
                phrases[words.joined(separator: " ")] = effects
                for length in 1..<words.count { prefixes.insert(words[..<length].joined(separator: " ")) }
            }
        }
        self.phrases = phrases
        self.prefixes = prefixes
    }

    /// The matching key of each token: a word's stem, a symbol itself; nil for tokens no phrase spans.
    static func keys(of tokens: [PromptToken]) -> [String?] {
        tokens.map { token in
            switch token {
            case .word(let word, _): WordStemmer.stem(word)
            case .symbol(let symbol): symbol
            case .number, .literal, .boundary: nil
            }
        }
    }

    /// The effects and length of the longest phrase starting at `start`, or nil when none does.
    func match(words: [String?], keys: [String?], at start: Int) -> (effects: [LexiconEffect], length: Int)? {
        if let word = words[start], let effects = phrases["=" + word] { return (effects, 1) }
        var longest: (effects: [LexiconEffect], length: Int)?
        var phrase = ""
        for index in start..<keys.count {
            guard let key = keys[index] else { break }
            phrase = phrase.isEmpty ? key : phrase + " " + key
            if let effects = phrases[phrase] { longest = (effects, index - start + 1) }
            guard prefixes.contains(phrase) else { break }
        }
        return longest
    }
}
