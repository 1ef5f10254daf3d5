import Foundation
import ServiceKit
import Testing

@testable import NovaRAG

@Suite("Configuration: KNOWLEDGE_DIR")
struct KnowledgeConfigurationTests {
    @Test("KNOWLEDGE_DIR defaults to ./knowledge, resolved to an absolute path")
    func defaultFolder() throws {
        let config = try RAGConfig(env: EnvironmentReader([:]))
        #expect(config.knowledgeDirectories == [URL(fileURLWithPath: "./knowledge").standardizedFileURL.path])
    }

    @Test("several folders are separated by commas; blanks and spaces are ignored; order is kept")
    func severalFolders() throws {
        let config = try RAGConfig(env: EnvironmentReader(["KNOWLEDGE_DIR": " /srv/docs , ,/opt/extra/ "]))
        #expect(config.knowledgeDirectories == ["/srv/docs", "/opt/extra"])
    }
}
