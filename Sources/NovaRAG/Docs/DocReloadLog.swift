import Logging
import NovaCore
import RAGCore

/// Logs what a documentation load did, and warns about folders and files it could not use.
enum DocReloadLog {
    static func record(_ report: DocReloadReport, as message: Logger.Message, logger: Logger) {
        logger.info(
            message,
            metadata: [
                "files.added": "\(report.filesAdded)", "files.changed": "\(report.filesChanged)", "files.removed": "\(report.filesRemoved)",
                "files.unchanged": "\(report.filesUnchanged)", "chunks.embedded": "\(report.chunksEmbedded)",
                "chunks.removed": "\(report.chunksRemoved)", "chunks.unchanged": "\(report.chunksUnchanged)",
                "chunks": "\(report.documentsLoaded)", "duration_ms": "\(report.duration.milliseconds)",
            ])
        for root in report.missingRoots {
            logger.warning("knowledge folder not found (KNOWLEDGE_DIR)", metadata: ["folder": .string(root)])
        }
        for file in report.shadowedFiles {
            logger.warning("knowledge file skipped: an earlier KNOWLEDGE_DIR folder has the same path", metadata: ["file": .string(file)])
        }
    }
}
