import Foundation

/// The tokenizer of BERT uncased models such as all-MiniLM-L6-v2, giving the same token ids as
/// the model's HuggingFace fast tokenizer: special tokens written in the text (`[CLS]`, `[SEP]`,
/// `[PAD]`, `[MASK]`, `[UNK]`) are kept whole; the rest is normalised (clean-up, CJK spacing,
/// accent stripping, lower-casing), split on whitespace and punctuation, and each word is split
/// greedily into the longest vocabulary pieces (`##` marks a piece that continues a word; a word
/// longer than 100 characters or with no split becomes `[UNK]`). The result is `[CLS] … [SEP]`,
/// truncated to ``maxLength`` ids.
public struct WordPieceTokenizer: Sendable {
    /// Maximum number of ids ``encode(_:)`` returns, `[CLS]` and `[SEP]` included.
    public let maxLength: Int
    /// Id of `[CLS]`, which starts every encoding.
    public let classifierID: Int32
    /// Id of `[SEP]`, which ends every encoding.
    public let separatorID: Int32
    /// Id of `[UNK]`, for words that cannot be split into vocabulary pieces.
    public let unknownID: Int32

    private static let specialTokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    private static let maxWordLength = 100
    private static let chunkBytes = 1024

    private let vocabulary: [String: Int32]
    private let specialTokenIDs: [(token: String, id: Int32)]
    /// Length in characters of the longest vocabulary piece, `##` not counted.
    private let longestPiece: Int

    /// Reads a `vocab.txt` (one token per line, the line number is the id).
    public init(vocabularyFile url: URL, maxLength: Int = 256) throws {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw MiniLMError.modelFileMissing(url)
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw MiniLMError.invalidModelFile(url, reason: "not readable as UTF-8 (\(error.localizedDescription))")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" {
            lines.removeLast()
        }
        do {
            try self.init(vocabulary: lines, maxLength: maxLength)
        } catch MiniLMError.invalidVocabulary(let reason) {
            throw MiniLMError.invalidModelFile(url, reason: reason)
        }
    }

    /// Uses `vocabulary[i]` as the token of id `i`; it must contain `[CLS]`, `[SEP]` and `[UNK]`.
    /// `maxLength` must be at least 2, room for `[CLS]` and `[SEP]`.
    public init(vocabulary: [String], maxLength: Int = 256) throws {
        precondition(maxLength >= 2, "maxLength must leave room for [CLS] and [SEP]")
        var ids: [String: Int32] = [:]
        ids.reserveCapacity(vocabulary.count)
        for (index, token) in vocabulary.enumerated() {
            ids[token] = Int32(index)
        }
        guard let cls = ids["[CLS]"], let sep = ids["[SEP]"], let unk = ids["[UNK]"] else {
            throw MiniLMError.invalidVocabulary(reason: "it lacks [CLS], [SEP] or [UNK]")
        }
        self.vocabulary = ids
        self.maxLength = maxLength
        classifierID = cls
        separatorID = sep
        unknownID = unk
        specialTokenIDs = Self.specialTokens.compactMap { token in ids[token].map { (token, $0) } }
        longestPiece =
            vocabulary.map { $0.hasPrefix("##") ? $0.unicodeScalars.count - 2 : $0.unicodeScalars.count }
            .max() ?? 0
    }

    /// The token ids of `text`: `[CLS]`, at most `maxLength - 2` text tokens, `[SEP]`.
    public func encode(_ text: String) -> [Int32] {
        let budget = maxLength - 2
        var ids: [Int32] = [classifierID]
        var rest = text[...]
        while ids.count <= budget, !rest.isEmpty {
            let (plain, special, remainder) = splitAtSpecialToken(rest)
            appendWordPieces(of: plain, to: &ids, budget: budget)
            if let special {
                ids.append(special)
            }
            rest = remainder
        }
        ids.removeLast(Swift.max(0, ids.count - 1 - budget))
        ids.append(separatorID)
        return ids
    }

    /// Splits `text` at the first special token written in it (matched byte for byte, before any
    /// normalisation): the text before it, its id, the text after it (no id and an empty
    /// remainder when there is none).
    private func splitAtSpecialToken(_ text: Substring) -> (Substring, Int32?, Substring) {
        let bytes = text.utf8
        var index = bytes.startIndex
        while let bracket = bytes[index...].firstIndex(of: UInt8(ascii: "[")) {
            let candidate = bytes[bracket...]
            for (token, id) in specialTokenIDs where candidate.starts(with: token.utf8) {
                let end = bytes.index(bracket, offsetBy: token.utf8.count)
                return (text[..<bracket], id, text[end...])
            }
            index = bytes.index(after: bracket)
        }
        return (text, nil, text[text.endIndex...])
    }

    /// Appends the word pieces of `text` to `ids` until `ids` holds more than `budget` text tokens.
    /// The text is handled in chunks of about 1 KiB that end at ASCII whitespace, so that only the
    /// part that fits is normalised: whitespace separates words and normalises to itself whatever
    /// surrounds it, so the chunks give the same tokens as the whole.
    private func appendWordPieces(of text: Substring, to ids: inout [Int32], budget: Int) {
        var rest = text
        while ids.count <= budget, !rest.isEmpty {
            let bytes = rest.utf8
            var end =
                bytes.index(bytes.startIndex, offsetBy: Self.chunkBytes, limitedBy: bytes.endIndex)
                ?? bytes.endIndex
            while end < bytes.endIndex, ![0x20, 0x09, 0x0A, 0x0D].contains(bytes[end]) {
                bytes.formIndex(after: &end)
            }
            appendWordPieces(ofChunk: rest[..<end], to: &ids, budget: budget)
            rest = rest[end...]
        }
    }

    /// Normalises and pre-tokenises `text` and appends its words' pieces to `ids`, stopping once
    /// `ids` holds more than `budget` text tokens.
    private func appendWordPieces(ofChunk text: Substring, to ids: inout [Int32], budget: Int) {
        let scalars = BertNormalizer.normalize(text)
        var wordStart: Int?
        for (index, scalar) in scalars.enumerated() {
            let isSpace = scalar == " " || (!scalar.isASCII && scalar.properties.isWhitespace)
            if isSpace || BertNormalizer.isPunctuation(scalar) {
                if let start = wordStart {
                    appendPieces(of: scalars[start..<index], to: &ids)
                    wordStart = nil
                }
                if !isSpace {
                    appendPieces(of: scalars[index...index], to: &ids)
                }
                if ids.count > budget {
                    return
                }
            } else if wordStart == nil {
                wordStart = index
            }
        }
        if let start = wordStart {
            appendPieces(of: scalars[start...], to: &ids)
        }
    }

    /// Greedy longest-match-first WordPiece split of one word.
    private func appendPieces(of word: ArraySlice<Unicode.Scalar>, to ids: inout [Int32]) {
        guard word.count <= Self.maxWordLength else {
            ids.append(unknownID)
            return
        }
        let firstPiece = ids.count
        var start = word.startIndex
        while start < word.endIndex {
            var end = Swift.min(word.endIndex, start + longestPiece)
            var match: Int32?
            while end > start {
                var piece = String.UnicodeScalarView()
                if start > word.startIndex {
                    piece.append(contentsOf: "##".unicodeScalars)
                }
                piece.append(contentsOf: word[start..<end])
                if let id = vocabulary[String(piece)] {
                    match = id
                    break
                }
                end -= 1
            }
            guard let match else {
                ids.removeLast(ids.count - firstPiece)
                ids.append(unknownID)
                return
            }
            ids.append(match)
            start = end
        }
    }
}
