/// The line-by-line state behind ``MarkdownSection/parse(_:)``.
struct MarkdownSectionParser {
    private var sections: [MarkdownSection] = []
    private var headings: [(level: Int, title: String)] = []
    private var blocks: [MarkdownSection.Block] = []
    private var paragraph: [Substring] = []
    private var fence: (marker: Character, length: Int)?
    private var code: [Substring] = []

    mutating func consume(_ line: Substring) {
        if let open = fence {
            code.append(line)
            if Self.fenceMarker(line).map({ $0.marker == open.marker && $0.length >= open.length && $0.rest.allSatisfy(\.isWhitespace) }) == true {
                closeCode()
            }
            return
        }
        if let marker = Self.fenceMarker(line) {
            closeParagraph()
            fence = (marker.marker, marker.length)
            code = [line]
        } else if let heading = Self.heading(line) {
            closeParagraph()
            closeSection()
            headings.removeAll { $0.level >= heading.level }
            headings.append(heading)
        } else if line.allSatisfy(\.isWhitespace) {
            closeParagraph()
        } else {
            paragraph.append(line)
        }
    }

    mutating func finish() -> [MarkdownSection] {
        if fence != nil { closeCode() }
        closeParagraph()
        closeSection()
        return sections
    }

    private mutating func closeCode() {
        blocks.append(.init(text: code.joined(separator: "\n"), isCode: true))
        code = []
        fence = nil
    }

    private mutating func closeParagraph() {
        guard !paragraph.isEmpty else { return }
        blocks.append(.init(text: paragraph.map { String($0) }.joined(separator: "\n").trimmingWhitespace(), isCode: false))
        paragraph = []
    }

    private mutating func closeSection() {
        guard !blocks.isEmpty else { return }
        sections.append(MarkdownSection(headingPath: headings.map(\.title), blocks: blocks))
        blocks = []
    }

    /// A line opening or closing a fence: any indentation (fences inside list items count too), then three or
    /// more backticks or tildes.
    private static func fenceMarker(_ line: Substring) -> (marker: Character, length: Int, rest: Substring)? {
        let body = line.drop { $0 == " " || $0 == "\t" }
        guard let marker = body.first, marker == "`" || marker == "~" else { return nil }
        let run = body.prefix { $0 == marker }
        guard run.count >= 3 else { return nil }
        return (marker, run.count, body.dropFirst(run.count))
    }

    /// An ATX heading: up to three spaces, one to six `#`, a space, the title (closing `#`s dropped).
    private static func heading(_ line: Substring) -> (level: Int, title: String)? {
        let indent = line.prefix { $0 == " " }
        guard indent.count <= 3 else { return nil }
        let body = line.dropFirst(indent.count)
        let hashes = body.prefix { $0 == "#" }
        guard (1...6).contains(hashes.count) else { return nil }
        let rest = body.dropFirst(hashes.count)
        guard let first = rest.first, first == " " || first == "\t" else { return nil }
        var title = rest.trimmingWhitespace()
        if title.hasSuffix("#") {
            let stripped = String(title.reversed().drop { $0 == "#" }.reversed())
            if stripped.isEmpty || stripped.last == " " { title = stripped.trimmingWhitespace() }
        }
        return title.isEmpty ? nil : (hashes.count, title)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines.
    func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
