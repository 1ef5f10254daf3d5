import Foundation

/// A knowledge folder in a temporary directory that tests write, change and delete Markdown files in.
struct KnowledgeFixture {
    let root: URL

    init(root: URL? = nil) throws {
        self.root = root ?? FileManager.default.temporaryDirectory.appendingPathComponent("nova-knowledge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: self.root, withIntermediateDirectories: true)
    }

    /// Writes `text` to `file` (relative), creating folders.
    func write(_ file: String, _ text: String) throws {
        let url = root.appendingPathComponent(file)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Deletes `file`.
    func remove(_ file: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(file))
    }

    /// Three small files: IMAP and SMTP notes (two sections each) and the node contract.
    func writeSample() throws {
        try write(
            "integrations/imap.md",
            """
            # IMAP

            ## Connecting to the mailbox

            Open imaplib IMAP4_SSL with host and port 993, then login with the email user and password.

            ## Searching unread messages

            Call uid SEARCH with UNSEEN to list unread message ids in the selected folder.
            """)
        try write(
            "integrations/smtp.md",
            """
            # SMTP

            ## Sending a message

            Build an EmailMessage and send it with smtplib SMTP_SSL on port 465 after login.

            ## Attachments

            Call add_attachment with the bytes, maintype, subtype and filename of the file.
            """)
        try write(
            "nova/node-contract.md",
            """
            # Node contract

            ## Printing the result

            Print one JSON line with status success and context_updates as the last output line.
            """)
    }
}
