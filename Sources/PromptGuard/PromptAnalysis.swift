/// What a prompt asks for, as far as the guard can tell: its numbers, currencies, identifiers, quoted literals,
/// values on each contrast dimension, negations, content terms and "from … to …" spans.
struct PromptAnalysis: Sendable {
    /// Numbers written as digits or as number words.
    private(set) var numbers: Set<Double> = []
    /// Numbers from words that are as often articles ("one", "una"): they only ever confirm a number of the other prompt.
    private(set) var weakNumbers: Set<Double> = []
    /// Currencies in order of first mention.
    private(set) var currencies: [String] = []
    /// Lone capital letters naming columns, sheets or cells, in order.
    private(set) var identifiers: [String] = []
    /// Quoted literals, in order.
    private(set) var literals: [String] = []
    /// Values named on each contrast dimension.
    private(set) var contrasts: [ContrastDimension: Set<String>] = [:]
    /// The words the prompt used for each contrast value, keyed by value.
    private(set) var contrastWords: [String: String] = [:]
    /// The dimensions each of those words names: "add" names both a data action and arithmetic.
    private(set) var wordDimensions: [String: Set<ContrastDimension>] = [:]
    /// How many negations the prompt contains.
    private(set) var negations = 0
    /// Content terms by canonical form, each with the words the prompt used for it.
    private(set) var terms: [String: String] = [:]
    /// Content terms and contrast values (as `dimension:value`) in the order the prompt names them.
    private(set) var sequence: [String] = []
    /// Terms and identifiers after "from", and after "to".
    private(set) var sources: Set<String> = [], targets: Set<String> = []
    /// The first term or identifier right after each "from", and after each "to": what is named as the source or the
    /// target itself, not inferred from the clause.
    private(set) var sourceHeads: Set<String> = [], targetHeads: Set<String> = []
    /// Terms and contrast values (as in `sequence`) of the prompt's first word or phrase: the leading verb of an
    /// imperative ("Return …", "Send …"), which a reworded question or statement says elsewhere or not at all.
    private(set) var leadingKeys: Set<String> = []
    /// Field names written as a modifier and a head noun ("order date", "email address"): modifiers by head.
    private(set) var compounds: [String: Set<String>] = [:]

    /// Head nouns that name a field together with the term right before them.
    private static let compoundHeads: Set<String> = ["date", "number", "address", "name", "amount", "id"]

    private enum Span { case none, source, target }
    private var span = Span.none
    /// Terms of the current clause, and whether it has named a source or a target yet: in "convert the CSV to JSON"
    /// the terms before "to" are the source.
    private var clauseTerms: Set<String> = []
    private var clauseHasSpan = false
    /// Whether the current clause has named a negation yet.
    private var clauseNegated = false
    /// Whether a "replace …" span waits for its "with …".
    private var awaitsReplacement = false
    /// Whether the span just opened waits for its head.
    private var awaitsHead = false
    /// The term of the token unit that ended at `previousTermEnd`, for compounds.
    private var previousTerm: String?
    private var previousTermEnd = -1
    /// The token range of the unit being read.
    private var unitStart = 0, unitEnd = 0

    /// Analyses `prompt` with `lexicon`.
    init(_ prompt: String, lexicon: PromptLexicon = .shared) {
        let tokens = PromptTokenizer.tokens(of: prompt)
        let keys = PromptLexicon.keys(of: tokens)
        let words = tokens.map { token -> String? in if case .word(let word, _) = token { word } else { nil } }
        var index = 0
        while index < tokens.count {
            switch tokens[index] {
            case .boundary:
                span = .none
                clauseTerms = []
                clauseHasSpan = false
                clauseNegated = false
                awaitsReplacement = false
                awaitsHead = false
                index += 1
            case .literal(let literal):
                literals.append(literal)
                addToSpan(literal)
                index += 1
            case .number(let value):
                index = readNumber(value, tokens: tokens, from: index + 1)
            case .symbol, .word:
                let isFirst = words[..<index].allSatisfy { $0.map(PromptLexicon.politeOpenings.contains) ?? true }
                let isLeading = leadingKeys.isEmpty && words[..<index].allSatisfy { $0.map(PromptLexicon.precedesLeadingVerb) ?? true }
                let before = sequence.count
                index = readWords(tokens: tokens, words: words, keys: keys, at: index, isFirst: isFirst, lexicon: lexicon)
                if isLeading { leadingKeys = Set(sequence[before...]) }
            }
        }
    }

    /// Records a number, scaled by a multiplier word after it ("5 thousand", "2 weeks" as 14 days); returns the next index.
    private mutating func readNumber(_ value: Double, tokens: [PromptToken], from next: Int, weak: Bool = false) -> Int {
        guard next < tokens.count, case .word(let word, _) = tokens[next] else {
            record(value, weak: weak)
            return next
        }
        if let factor = NumberReader.multipliers[word] {
            record(value * factor, weak: weak)
            return next + 1
        }
        if let days = NumberReader.daysPerUnit[word] {
            record(value * days, weak: weak)
            (unitStart, unitEnd) = (next, next + 1)
            addTerm("day", surface: word)
            return next + 1
        }
        record(value, weak: weak)
        return next
    }

    private mutating func record(_ value: Double, weak: Bool) {
        if weak { weakNumbers.insert(value) } else { numbers.insert(value) }
    }

    /// Reads a phrase, number word or single word at `index`; returns the index after it.
    /// `isFirst`: no word but a polite opening stands before `index`.
    private mutating func readWords(
        tokens: [PromptToken], words: [String?], keys: [String?], at index: Int, isFirst: Bool, lexicon: PromptLexicon
    ) -> Int {
        unitStart = index
        unitEnd = index + 1
        if isFirst, let word = words[index], let effects = PromptLexicon.imperatives[word] {
            apply(effects, surface: word)
            return index + 1
        }
        if awaitsReplacement, span == .source, let word = words[index], PromptLexicon.replacementMarkers.contains(word) {
            awaitsReplacement = false
            apply([.to], surface: word)
            return index + 1
        }
        if let (effects, length) = lexicon.match(words: words, keys: keys, at: index) {
            let surface = words[index..<(index + length)].compactMap { $0 }.joined(separator: " ")
            unitEnd = index + length
            apply(effects, surface: surface)
            return index + length
        }
        guard case .word(let word, let isIdentifier) = tokens[index] else { return index + 1 }
        if isIdentifier || isColumnLetter(word, after: index > 0 ? words[index - 1] : nil) {
            identifiers.append(word)
            addToSpan(word)
            return index + 1
        }
        if let value = NumberReader.wordValues[word] {
            let (total, next) = NumberReader.compoundValue(startingWith: value, words: words, from: index + 1)
            return readNumber(total, tokens: tokens, from: next, weak: next == index + 1 && NumberReader.weakWords.contains(word))
        }
        if let base = PromptLexicon.negatedForms[word] {
            negations += 1
            let baseTerms = lexicon.match(words: [base], keys: [WordStemmer.stem(base)], at: 0)?.effects.filter {
                if case .term = $0 { true } else { false }
            }
            if let baseTerms, !baseTerms.isEmpty {
                apply(baseTerms, surface: word)
            } else {
                addTerm(WordStemmer.stem(base), surface: word)
            }
            return index + 1
        }
        if PromptLexicon.spanBreakers.contains(word) { span = .none }
        if !PromptLexicon.stopWords.contains(word) { addTerm(WordStemmer.stem(word), surface: word) }
        return index + 1
    }

    /// Whether a single letter names a column or sheet ("column b", "sheet c").
    private func isColumnLetter(_ word: String, after previous: String?) -> Bool {
        guard word.count == 1, let previous else { return false }
        return ["column", "col", "sheet", "cell", "columna", "hoja", "celda"].contains(previous)
    }

    private mutating func apply(_ effects: [LexiconEffect], surface: String) {
        for effect in effects {
            switch effect {
            case .term(let term): addTerm(term, surface: surface)
            case .contrast(let dimension, let value):
                contrasts[dimension, default: []].insert(value)
                sequence.append("\(dimension.rawValue):\(value)")
                if contrastWords[value] == nil { contrastWords[value] = surface }
                wordDimensions[surface, default: []].insert(dimension)
            case .negation:
                if !(clauseNegated && PromptLexicon.concordNegations.contains(surface)) { negations += 1 }
                clauseNegated = true
            case .currency(let code): if !currencies.contains(code) { currencies.append(code) }
            case .number(let value, let weak): record(value, weak: weak)
            case .from:
                span = .source
                clauseHasSpan = true
                awaitsHead = true
            case .to:
                if !clauseHasSpan { sources.formUnion(clauseTerms) }
                span = .target
                clauseHasSpan = true
                awaitsHead = true
            case .replacement:
                span = .source
                clauseHasSpan = true
                awaitsReplacement = true
                awaitsHead = true
            }
        }
    }

    private mutating func addTerm(_ term: String, surface: String) {
        if terms[term] == nil { terms[term] = surface }
        sequence.append(term)
        clauseTerms.insert(term)
        addToSpan(term)
        if Self.compoundHeads.contains(term), unitStart == previousTermEnd, let modifier = previousTerm, modifier != term {
            compounds[term, default: []].insert(modifier)
        }
        previousTerm = term
        previousTermEnd = unitEnd
    }

    private mutating func addToSpan(_ term: String) {
        switch span {
        case .none: break
        case .source:
            sources.insert(term)
            if awaitsHead { sourceHeads.insert(term) }
        case .target:
            targets.insert(term)
            if awaitsHead { targetHeads.insert(term) }
        }
        awaitsHead = false
    }
}
