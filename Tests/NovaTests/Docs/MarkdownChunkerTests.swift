import RAGCore
import Testing

@testable import NovaCore

@Suite("Markdown chunking of the knowledge base")
struct MarkdownChunkerTests {
    private let chunker = MarkdownChunker()

    private func chunks(_ markdown: String, file: String = "integrations/imap.md") -> [DocChunk] {
        chunker.chunks(of: KnowledgeDocument(file: file, text: markdown))
    }

    /// Text of `count` distinct sentences, about 60 characters each.
    private func sentences(_ count: Int, word: String = "mailbox") -> String {
        (1...count).map { "Sentence \($0) explains how the \(word) answers request number \($0)." }.joined(separator: " ")
    }

    @Test("each chunk carries the path of headings above it and starts with it")
    func headingPaths() {
        let found = chunks(
            """
            # IMAP

            Intro text.

            ## Connecting

            Use IMAP4_SSL.

            ### Timeouts

            Pass timeout=30.

            ## Searching

            Use UID SEARCH.
            """)
        #expect(found.map(\.headingPath) == [["IMAP"], ["IMAP", "Connecting"], ["IMAP", "Connecting", "Timeouts"], ["IMAP", "Searching"]])
        #expect(
            found.map(\.text) == [
                "IMAP\n\nIntro text.", "Connecting (IMAP)\n\nUse IMAP4_SSL.", "Timeouts - Connecting (IMAP)\n\nPass timeout=30.",
                "Searching (IMAP)\n\nUse UID SEARCH.",
            ])
        #expect(found.map(\.index) == [0, 1, 2, 3])
        #expect(found.allSatisfy { $0.source == "imap" && $0.topic == "imap" && $0.file == "integrations/imap.md" })
    }

    @Test("text before the first heading is titled General; a heading directly followed by another makes no chunk")
    func generalAndEmptySections() {
        let found = chunks("Preamble line.\n\n# Title\n## Sub\n\nBody.")
        #expect(found.map(\.text) == ["General\n\nPreamble line.", "Sub (Title)\n\nBody."])
    }

    @Test("lines starting with # inside a fenced block are code, not headings")
    func hashInsideFence() {
        let found = chunks(
            """
            ## Example

            ```python
            # example: no-run (needs an IMAP server)
            import imaplib
            ## not a heading either
            ```

            After the code.
            """)
        #expect(found.count == 1)
        #expect(found[0].headingPath == ["Example"])
        #expect(found[0].text.contains("# example: no-run (needs an IMAP server)\nimport imaplib\n## not a heading either\n```\n\nAfter the code."))
    }

    @Test("a code block is never split: it moves whole to the next chunk, and one above the limit is a chunk of its own")
    func codeBlocksStayWhole() {
        let small = "```python\n" + (1...12).map { "value_\($0) = compute(\($0))" }.joined(separator: "\n") + "\n```"
        let large = "```python\n" + (1...60).map { "line_\($0) = transform(line_\($0 - 1))" }.joined(separator: "\n") + "\n```"
        #expect(large.count > 700)
        let found = chunks("## Code\n\n\(sentences(9))\n\n\(small)\n\n\(large)\n\nClosing words.")
        let bodies = found.map { String($0.text.dropFirst("Code\n\n".count)) }
        #expect(bodies.filter { $0.contains(small) }.count == 1)
        #expect(bodies.contains(large))
        for body in bodies {
            #expect(body.components(separatedBy: "```").count % 2 == 1, "a chunk holds an unbalanced fence: \(body)")
            #expect(body.count <= 700 || body == large)
        }
    }

    @Test("paragraphs are packed up to 700 characters and the next chunk repeats about 100 characters of the previous one")
    func overlapBetweenChunks() {
        let paragraphs = (1...8).map { sentences(3, word: "server \($0)") }
        let found = chunks("## Long\n\n" + paragraphs.joined(separator: "\n\n"))
        #expect(found.count >= 3)
        let bodies = found.map { String($0.text.dropFirst("Long\n\n".count)) }
        for (previous, next) in zip(bodies, bodies.dropFirst()) {
            #expect(previous.count <= 700)
            let firstParagraph = String(next.split(separator: "\n\n")[0])
            #expect(previous.hasSuffix(firstParagraph), "chunk does not start with the end of the previous one")
            #expect((40...110).contains(firstParagraph.count))
        }
        let covered = paragraphs.allSatisfy { paragraph in bodies.contains { $0.contains(paragraph) } }
        #expect(covered, "every paragraph is whole in some chunk")
    }

    @Test("a paragraph longer than the limit is cut at sentence ends into overlapping windows")
    func longParagraphWindows() {
        let paragraph = sentences(30)
        let found = chunks("## Huge\n\n" + paragraph)
        let bodies = found.map { String($0.text.dropFirst("Huge\n\n".count)) }
        #expect(bodies.count >= 3)
        for (previous, next) in zip(bodies, bodies.dropFirst()) {
            #expect(previous.count <= 700)
            #expect(previous.hasSuffix("."))
            let sharedStart = String(next.prefix(40))
            #expect(previous.contains(sharedStart), "windows overlap")
        }
        #expect(bodies.last.map { paragraph.hasSuffix($0) } == true)
    }

    @Test("ids and hashes are stable for the same content and change with it")
    func stableIdentity() {
        let first = chunks("## A\n\nSame text.")
        let again = chunks("## A\n\nSame text.")
        let changed = chunks("## A\n\nOther text.")
        #expect(first == again)
        #expect(first[0].id.hasPrefix("doc_") && first[0].id.count == 20)
        #expect(first[0].contentHash == SHA256Hex.of("A\n\nSame text."))
        #expect(changed[0].id != first[0].id)
    }

    private func metadata(_ file: String) -> [String] {
        let found = KnowledgeLayout.metadata(forFile: file)
        return [found.source, found.topic]
    }

    @Test("the layout gives integrations, official_docs and other folders their source and topic")
    func layout() {
        #expect(metadata("integrations/smtp.md") == ["smtp", "smtp"])
        #expect(metadata("official_docs/pymupdf_official.md") == ["pymupdf", "official"])
        #expect(metadata("official_docs/google_vision_ocr.md") == ["google_vision", "official"])
        #expect(metadata("nova/node-contract.md") == ["nova", "node-contract"])
        #expect(metadata("faq.md") == ["faq", "faq"])
        #expect(KnowledgeLayout.isIndexed("integrations/imap.md"))
        #expect(!KnowledgeLayout.isIndexed("README.md"))
        #expect(!KnowledgeLayout.isIndexed("integrations/_index.md"))
        #expect(!KnowledgeLayout.isIndexed(".drafts/x.md"))
        #expect(!KnowledgeLayout.isIndexed("notes.txt"))
    }
}
