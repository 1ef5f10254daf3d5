import Foundation

/// Splits a prompt into words, numbers, symbols, quoted literals and clause boundaries.
enum PromptTokenizer {
    /// Two-character symbols, matched before single characters.
    private static let pairSymbols: Set<String> = [">=", "<=", "=>", "=<", "!=", "==", "<>", "->"]
    /// Single-character symbols kept as tokens; other punctuation is either a boundary or ignored.
    private static let singleSymbols: Set<Character> = [">", "<", "=", "≥", "≤", "≠", "→", "%", "$", "€", "£", "¥"]
    /// Punctuation that ends a clause.
    private static let boundaries: Set<Character> = [",", ";", ":", ".", "?", "!", "(", ")", "[", "]", "{", "}", "\n"]
    /// Letters of date and time format patterns such as `YYYY-MM-DD` or `HH:MM`.
    private static let formatLetters: Set<Character> = ["y", "m", "d", "h", "s"]
    /// Separators inside a date or time format pattern.
    private static let formatSeparators: Set<Character> = ["-", "/", ".", ":"]
    /// Opening quote characters and the character that closes each.
    private static let quotes: [Character: Character] = ["'": "'", "\"": "\"", "`": "`", "«": "»"]

    /// The tokens of `text`, in order.
    static func tokens(of text: String) -> [PromptToken] {
        let withoutDiacritics = text.folding(options: .diacriticInsensitive, locale: nil)
        let normalized = withoutDiacritics.map { (character: Character) -> Character in
            switch character {
            case "‘", "’": "'"
            case "“", "”": "\""
            default: character
            }
        }
        var scanner = Scanner(characters: normalized)
        return scanner.scan()
    }

    /// Walks the characters once, emitting tokens.
    private struct Scanner {
        let characters: [Character]
        var index = 0
        var tokens: [PromptToken] = []
        var hasWord = false

        init(characters: [Character]) {
            self.characters = characters
        }

        mutating func scan() -> [PromptToken] {
            while index < characters.count {
                let character = characters[index]
                if character.isLetter {
                    if !readFormatPattern() { readWord() }
                } else if character.isASCII, character.isNumber {
                    readNumber()
                } else if let closing = PromptTokenizer.quotes[character], readLiteral(closing: closing) {
                    continue
                } else if readSymbol() {
                    continue
                } else {
                    if PromptTokenizer.boundaries.contains(character) { tokens.append(.boundary) }
                    index += 1
                }
            }
            return tokens
        }

        private func character(at position: Int) -> Character? {
            position >= 0 && position < characters.count ? characters[position] : nil
        }

        private mutating func readWord() {
            let start = index
            while let current = character(at: index),
                current.isLetter || (current == "'" && character(at: index + 1)?.isLetter == true && index > start)
            {
                index += 1
            }
            let raw = String(characters[start..<index])
            var word = raw.lowercased()
            let isFirstWord = !hasWord
            hasWord = true
            if word.hasSuffix("n't") {
                let base = String(word.dropLast(3))
                if !base.isEmpty { tokens.append(.word(base, identifier: false)) }
                tokens.append(.word("not", identifier: false))
                return
            }
            if word == "q", let quarter = character(at: index)?.wholeNumberValue, (1...4).contains(quarter),
                character(at: index + 1).map({ !$0.isLetter && !$0.isNumber }) ?? true
            {
                tokens.append(.number(Double(quarter)))
                tokens.append(.word("quarter", identifier: false))
                index += 1
                return
            }
            if let next = character(at: index), next.isASCII, next.isNumber {
                readAlphanumeric(from: start)
                return
            }
            if word.hasSuffix("'s") { word.removeLast(2) }
            word.removeAll { $0 == "'" }
            if readNumberAbbreviation(word) { return }
            let isIdentifier = raw.count == 1 && raw != "I" && raw.uppercased() == raw && !isFirstWord
            tokens.append(.word(word, identifier: isIdentifier))
        }

        /// Reads "no." and "nº" (and "n°") as the word "number", as in "invoice no." or "nº de factura", not as a negation;
        /// false when `word` is neither.
        private mutating func readNumberAbbreviation(_ word: String) -> Bool {
            let next = character(at: index)
            if word == "no" && next == "." || word == "n" && next == "°" {
                index += 1
            } else if word != "nº" {
                return false
            }
            tokens.append(.word("number", identifier: false))
            return true
        }

        /// Reads a name that mixes letters and digits ("Sheet2", "S3", "base64") as a literal, so that it is compared whole.
        private mutating func readAlphanumeric(from start: Int) {
            while let current = character(at: index), current.isLetter || (current.isASCII && current.isNumber) {
                index += 1
            }
            tokens.append(.literal(String(characters[start..<index]).lowercased()))
        }

        /// Reads a date or time format pattern (`YYYY-MM-DD`, `DD/MM/YYYY`) as a literal; false when there is none here.
        private mutating func readFormatPattern() -> Bool {
            var end = index, runs = 0
            while true {
                let runStart = end
                while let current = character(at: end), current.isLetter, PromptTokenizer.formatLetters.contains(Character(current.lowercased())) {
                    end += 1
                }
                guard end > runStart, character(at: end)?.isLetter != true else { return false }
                runs += 1
                guard let separator = character(at: end), PromptTokenizer.formatSeparators.contains(separator),
                    character(at: end + 1)?.isLetter == true
                else { break }
                end += 1
            }
            guard runs >= 2 else { return false }
            tokens.append(.literal(String(characters[index..<end]).lowercased()))
            index = end
            return true
        }

        private mutating func readNumber() {
            let start = index
            while let current = character(at: index) {
                let isDigit = current.isASCII && current.isNumber
                let isSeparator = (current == "," || current == ".") && character(at: index + 1).map { $0.isASCII && $0.isNumber } == true
                guard isDigit || isSeparator else { break }
                index += 1
            }
            var value = NumberReader.value(of: String(characters[start..<index])) ?? 0
            if let suffix = character(at: index), character(at: index + 1)?.isLetter != true {
                if suffix == "k" || suffix == "K" {
                    value *= 1_000
                    index += 1
                } else if suffix == "M" {
                    value *= 1_000_000
                    index += 1
                }
            }
            tokens.append(.number(value))
            skipPossessive()
        }

        /// Skips the possessive `'s` after a number ("order #1234's status").
        private mutating func skipPossessive() {
            guard character(at: index) == "'", character(at: index + 1) == "s", character(at: index + 2)?.isLetter != true else { return }
            index += 2
        }

        private mutating func readLiteral(closing: Character) -> Bool {
            if closing == "'", let previous = character(at: index - 1), previous.isLetter || previous.isNumber { return false }
            var end = index + 1
            while end < characters.count {
                if characters[end] == closing, closing != "'" || character(at: end + 1)?.isLetter != true { break }
                end += 1
            }
            guard end < characters.count, end > index + 1, end - index <= 80 else { return false }
            tokens.append(.literal(String(characters[(index + 1)..<end]).lowercased()))
            index = end + 1
            return true
        }

        private mutating func readSymbol() -> Bool {
            if let next = character(at: index + 1) {
                let pair = String([characters[index], next])
                if PromptTokenizer.pairSymbols.contains(pair) {
                    tokens.append(.symbol(pair))
                    index += 2
                    return true
                }
            }
            guard PromptTokenizer.singleSymbols.contains(characters[index]) else { return false }
            tokens.append(.symbol(String(characters[index])))
            index += 1
            return true
        }
    }
}
