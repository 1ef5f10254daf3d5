/// Cuts knowledge files into chunks for embedding: by headings first (each chunk keeps its heading path), then
/// between paragraphs up to `maxCharacters` of body, carrying about `overlap` characters of the previous
/// paragraph into the next chunk. A fenced code block is never split nor used as overlap; one longer than the
/// limit is a chunk of its own. A paragraph longer than the limit is cut at sentence ends, else at spaces.
package struct MarkdownChunker: Sendable {
    /// Largest body of a chunk (heading path excluded), unless a single code block is longer.
    package let maxCharacters: Int
    /// Characters repeated from the end of one chunk at the start of the next.
    package let overlap: Int

    /// A chunker with the original's sizes: 700 characters, 100 of overlap.
    package init(maxCharacters: Int = 700, overlap: Int = 100) {
        precondition(overlap < maxCharacters / 2, "overlap must be under half the chunk size")
        self.maxCharacters = maxCharacters
        self.overlap = overlap
    }

    /// Names the rules and sizes; stored with each file so that changing them re-chunks every file.
    package var version: String { "markdown-1/\(maxCharacters)/\(overlap)" }

    /// The chunks of `document`, in order, numbered from 0.
    package func chunks(of document: KnowledgeDocument) -> [DocChunk] {
        var chunks: [DocChunk] = []
        for section in MarkdownSection.parse(document.text) {
            for body in bodies(of: section.blocks) {
                chunks.append(
                    DocChunk(
                        file: document.file, headingPath: section.headingPath, source: document.source, topic: document.topic,
                        index: chunks.count, text: DocChunk.title(of: section.headingPath) + "\n\n" + body))
            }
        }
        return chunks
    }

    /// A block or a window of a long paragraph, as packed into chunk bodies.
    private struct Piece {
        let text: String
        let isCode: Bool
        /// A window that already repeats the end of the previous window.
        let overlapsPrevious: Bool
    }

    private func bodies(of blocks: [MarkdownSection.Block]) -> [String] {
        var bodies: [String] = []
        var current: [Piece] = []
        var length = 0
        for piece in pieces(of: blocks) {
            let grown = current.isEmpty ? piece.text.count : length + 2 + piece.text.count
            if grown <= maxCharacters || current.isEmpty {
                current.append(piece)
                length = grown
                continue
            }
            bodies.append(current.map(\.text).joined(separator: "\n\n"))
            let carried = piece.overlapsPrevious ? nil : current.last.flatMap(tail)
            current = [piece]
            length = piece.text.count
            if let carried, carried.count + 2 + length <= maxCharacters {
                current.insert(Piece(text: carried, isCode: false, overlapsPrevious: false), at: 0)
                length += carried.count + 2
            }
        }
        if !current.isEmpty { bodies.append(current.map(\.text).joined(separator: "\n\n")) }
        return bodies
    }

    private func pieces(of blocks: [MarkdownSection.Block]) -> [Piece] {
        blocks.flatMap { block -> [Piece] in
            guard !block.isCode, block.text.count > maxCharacters else {
                return [Piece(text: block.text, isCode: block.isCode, overlapsPrevious: false)]
            }
            return windows(of: Array(block.text)).enumerated().map { Piece(text: $1, isCode: false, overlapsPrevious: $0 > 0) }
        }
    }

    /// About the last `overlap` characters of a paragraph, starting at a word; nil after a code block.
    private func tail(of piece: Piece) -> String? {
        guard !piece.isCode else { return nil }
        let characters = Array(piece.text)
        guard characters.count > overlap else { return piece.text }
        var start = characters.count - overlap
        while start < characters.count && !characters[start - 1].isWhitespace { start += 1 }
        let tail = String(characters[start...]).trimmingWhitespace()
        return tail.isEmpty ? nil : tail
    }

    /// Windows of at most `maxCharacters` over a long paragraph, ending at a sentence end or a space in their
    /// second half, each starting about `overlap` characters before the previous one ended.
    private func windows(of characters: [Character]) -> [String] {
        var windows: [String] = []
        var start = 0
        while start < characters.count {
            var end = min(start + maxCharacters, characters.count)
            if end < characters.count {
                let half = start + maxCharacters / 2
                if let stop = (half..<end).last(where: { ".?!".contains(characters[$0]) && characters[$0 + 1].isWhitespace }) {
                    end = stop + 1
                } else if let space = (half..<end).last(where: { characters[$0].isWhitespace }) {
                    end = space
                }
            }
            windows.append(String(characters[start..<end]).trimmingWhitespace())
            guard end < characters.count else { break }
            var next = end - overlap
            while next < end && !characters[next - 1].isWhitespace { next += 1 }
            start = next
        }
        return windows
    }
}
