/// The content under one heading of a Markdown file, as paragraphs and fenced code blocks.
package struct MarkdownSection: Sendable, Equatable {
    /// One paragraph (lines without a blank line between them) or one fenced code block with its fences.
    package struct Block: Sendable, Equatable {
        /// The block's text without trailing newline.
        package let text: String
        /// Whether it is a fenced code block (never split).
        package let isCode: Bool

        /// Creates a block.
        package init(text: String, isCode: Bool) {
            self.text = text
            self.isCode = isCode
        }
    }

    /// Titles of the enclosing headings, outermost first; empty before the first heading.
    package let headingPath: [String]
    /// The blocks under the heading, before the next heading of any level.
    package let blocks: [Block]

    /// Splits `markdown` at ATX headings (`#` to `######`, outside code fences). Sections without any block
    /// (a heading directly followed by another) are left out; their titles live on in the path of the next.
    package static func parse(_ markdown: String) -> [MarkdownSection] {
        var parser = MarkdownSectionParser()
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            parser.consume(line.hasSuffix("\r") ? line.dropLast() : line)
        }
        return parser.finish()
    }
}
