import MiniLM
import Testing

@Suite("WordPiece tokenizer on a small vocabulary")
struct WordPieceTokenizerTests {
    static let vocabulary = [
        "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "un", "##aff", "##able", "hello", ",", "!", "world",
        "cafe", "a", "$", "日", "本",
    ]

    static func tokenizer(maxLength: Int = 256) throws -> WordPieceTokenizer {
        try WordPieceTokenizer(vocabulary: vocabulary, maxLength: maxLength)
    }

    @Test("words are split into the longest vocabulary pieces with ## continuations")
    func greedyLongestMatch() throws {
        #expect(try Self.tokenizer().encode("unaffable") == [2, 5, 6, 7, 3])
    }

    @Test("text is lower-cased, accents are stripped and punctuation is split off")
    func normalisation() throws {
        #expect(try Self.tokenizer().encode("HELLO, Wörld! Café") == [2, 8, 9, 11, 10, 12, 3])
        #expect(try Self.tokenizer().encode("hello$world") == [2, 8, 14, 11, 3])
    }

    @Test("CJK ideographs become words of their own and control characters vanish")
    func cjkAndControls() throws {
        #expect(try Self.tokenizer().encode("日本\u{0}\u{200B}a\u{7}") == [2, 15, 16, 13, 3])
    }

    @Test("special tokens written in the text keep their ids, case-sensitively")
    func specialTokensInText() throws {
        #expect(try Self.tokenizer().encode("a[MASK]a [cls]") == [2, 13, 4, 13, 1, 1, 1, 3])
        #expect(try Self.tokenizer().encode("\u{0600}[MASK]a[SEP") == [2, 4, 13, 1, 1, 3])
    }

    @Test("a word with an unknown piece or over 100 characters is one [UNK]")
    func unknownWords() throws {
        #expect(try Self.tokenizer().encode("unzz hello") == [2, 1, 8, 3])
        #expect(try Self.tokenizer().encode(String(repeating: "a", count: 101)) == [2, 1, 3])
    }

    @Test("encodings are truncated to the maximum length, [SEP] included")
    func truncation() throws {
        let ids = try Self.tokenizer(maxLength: 5).encode("a a a a a a")
        #expect(ids == [2, 13, 13, 13, 3])
        #expect(try Self.tokenizer().encode("") == [2, 3])
        #expect(try Self.tokenizer().encode("   \t\n ") == [2, 3])
    }

    @Test("long texts give the same tokens however they are cut into chunks internally")
    func longTexts() throws {
        let tokenizer = try Self.tokenizer(maxLength: 1000)
        let words = (0..<400).map { $0 % 3 == 0 ? "Hello," : "unaffable\t" }.joined(separator: " ")
        let expected: [Int32] = (0..<400).flatMap { (index: Int) -> [Int32] in index % 3 == 0 ? [8, 9] : [5, 6, 7] }
        #expect(tokenizer.encode(words) == [2] + Array(expected.prefix(998)) + [3])
        #expect(tokenizer.encode(String(repeating: "é", count: 1500) + " hello") == [2, 1, 8, 3])
    }

    @Test("a vocabulary without the special tokens is rejected")
    func incompleteVocabulary() {
        #expect(throws: MiniLMError.invalidVocabulary(reason: "it lacks [CLS], [SEP] or [UNK]")) {
            try WordPieceTokenizer(vocabulary: ["hello", "world"])
        }
    }
}
