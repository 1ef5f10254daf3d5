import Foundation

/// The knowledge base on disk: one or more folders (`KNOWLEDGE_DIR`, comma-separated) of Markdown files.
package struct KnowledgeFolder: Sendable {
    /// The folders, in priority order.
    package let roots: [String]

    /// A knowledge base made of `roots`.
    package init(roots: [String]) {
        self.roots = roots
    }

    /// What one read of the folders found.
    package struct Scan: Sendable {
        /// Every indexed file, sorted by relative path.
        package var documents: [KnowledgeDocument] = []
        /// Relative paths found again in a later folder and skipped (the first folder wins).
        package var shadowed: [String] = []
        /// Folders that do not exist (read as empty).
        package var missingRoots: [String] = []
    }

    /// Reads every indexed file (``KnowledgeLayout``) of every folder.
    package func read() throws -> Scan {
        var scan = Scan()
        var seen = Set<String>()
        let files = FileManager.default
        for root in roots {
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
                scan.missingRoots.append(root)
                continue
            }
            guard let enumerator = files.enumerator(atPath: root) else {
                scan.missingRoots.append(root)
                continue
            }
            let base = URL(fileURLWithPath: root, isDirectory: true)
            for case let relative as String in enumerator where KnowledgeLayout.isIndexed(relative) {
                let url = base.appendingPathComponent(relative)
                guard files.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                guard seen.insert(relative).inserted else {
                    scan.shadowed.append(relative)
                    continue
                }
                scan.documents.append(KnowledgeDocument(file: relative, text: String(decoding: try Data(contentsOf: url), as: UTF8.self)))
            }
        }
        scan.documents.sort { $0.file < $1.file }
        return scan
    }
}
