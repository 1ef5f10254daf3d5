import NovaCore
import RAGCore
import Shared

extension RAGReloadResponse {
    /// The wire form of a load's report.
    init(_ report: DocReloadReport) {
        self.init(
            documentsLoaded: report.documentsLoaded,
            files: Files(added: report.filesAdded, changed: report.filesChanged, removed: report.filesRemoved, unchanged: report.filesUnchanged),
            chunks: Chunks(embedded: report.chunksEmbedded, removed: report.chunksRemoved, unchanged: report.chunksUnchanged),
            durationMs: (report.duration.milliseconds * 1000).rounded() / 1000, missingDirectories: report.missingRoots,
            shadowedFiles: report.shadowedFiles)
    }
}
