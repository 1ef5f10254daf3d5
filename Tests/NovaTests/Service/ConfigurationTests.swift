import Foundation
import NovaCore
import ServiceKit
import Testing

@testable import NovaAPI
@testable import NovaRAG

@Suite("Configuration: bad values fail startup with the variable's name")
struct ConfigurationTests {
    @Test("defaults follow the contract: nova on 8000, nova-rag on 8001, data under ./data")
    func defaults() throws {
        let nova = try NovaConfig(env: EnvironmentReader([:]))
        #expect(nova.listen.port == 8000)
        #expect(nova.ragServiceURL == nil)
        #expect(nova.ragTimeoutSeconds == 2)
        #expect(nova.maxBodyBytes == 1 << 20)
        #expect(nova.dataDirectory.hasSuffix("/data"))
        #expect(nova.pipeline.validateOutputWithLLM == false)
        #expect(nova.pipeline.exactCache == ExactCachePolicy(ttlSeconds: nil, maxEntries: 10_000))
        let rag = try RAGConfig(env: EnvironmentReader([:]))
        #expect(rag.listen.port == 8001)
        #expect(rag.listen.host == "0.0.0.0")
    }

    @Test("PORT=abc names PORT and the value", arguments: ["abc", "70000", "-1"])
    func badPort(value: String) throws {
        let error = try #require(throws: ConfigError.self) { try NovaConfig(env: EnvironmentReader(["PORT": value])) }
        #expect(error.key == "PORT")
        #expect(error.description.contains("PORT"))
        #expect(error.description.contains(value))
    }

    @Test("the pipeline's switches: LLM output validation, LLM confirmation of semantic hits, exact-cache TTL and size bound (0 turns a bound off)")
    func pipelineSwitches() throws {
        let defaults = try NovaConfig(env: EnvironmentReader([:])).pipeline.pipeline(model: "m", runtimeVersion: "3")
        #expect(!defaults.validateOutputWithLLM && defaults.confirmSemanticHitsWithLLM)
        let env = EnvironmentReader([
            "VALIDATE_OUTPUT_WITH_LLM": "true", "CONFIRM_SEMANTIC_HITS_WITH_LLM": "false", "EXACT_CACHE_TTL_SECONDS": "3600",
            "EXACT_CACHE_MAX_ENTRIES": "0",
        ])
        let pipeline = try NovaConfig(env: env).pipeline.pipeline(model: "m", runtimeVersion: "3")
        #expect(pipeline.validateOutputWithLLM && !pipeline.confirmSemanticHitsWithLLM)
        #expect(pipeline.exactCachePolicy == ExactCachePolicy(ttlSeconds: 3600, maxEntries: nil))
    }

    @Test("CHROMA_DB_PATH is accepted as an alias of NOVA_RAG_DATA_DIR")
    func chromaAlias() throws {
        let config = try RAGConfig(env: EnvironmentReader(["CHROMA_DB_PATH": "/tmp/legacy-chroma"]))
        #expect(config.dataDirectory == "/tmp/legacy-chroma")
    }

    @Test("a malformed DATABASE_URL is refused without repeating it (it may hold a password)")
    func badDatabaseURL() throws {
        let error = try #require(throws: ConfigError.self) {
            try NovaConfig(env: EnvironmentReader(["DATABASE_URL": "mysql://user:hunter2@db/x"]))
        }
        #expect(error.key == "DATABASE_URL")
        #expect(!error.description.contains("hunter2"))
    }

    @Test(
        "other bad values name their variable",
        arguments: [
            ("RAG_TIMEOUT_SECONDS", "soon"), ("RAG_SERVICE_URL", "localhost:8001"), ("REDIS_URL", "http://x"), ("MAX_BODY_BYTES", "1"),
            ("LOG_LEVEL", "loud"), ("JSON_LOGS", "maybe"), ("WORKER_LEASE_SECONDS", "0"), ("WORKER_LEASE_SECONDS", "soon"),
            ("VALIDATE_OUTPUT_WITH_LLM", "perhaps"), ("CONFIRM_SEMANTIC_HITS_WITH_LLM", "sometimes"), ("EXACT_CACHE_TTL_SECONDS", "-5"),
            ("EXACT_CACHE_MAX_ENTRIES", "many"),
            ("WORKER_HEALTH_PORT", "70000"), ("WORKER_HEALTH_PORT", "http"),
        ])
    func otherBadValues(key: String, value: String) throws {
        let env = EnvironmentReader([key: value])
        let error = try #require(throws: ConfigError.self) {
            _ = try LoggingBootstrap.settings(from: env)
            _ = try NovaConfig(env: env)
        }
        #expect(error.key == key)
    }

    @Test("the Redis queue needs NOVA_SECRET_KEY, which seals its jobs; the lease defaults to 30 s on the stream nova:jobs")
    func redisQueue() async throws {
        let keyless = try NovaConfig(env: EnvironmentReader(["REDIS_URL": "redis://127.0.0.1:1", "HOST": "127.0.0.1"]))
        let error = try await #require(throws: StartupError.self) {
            _ = try await NovaAPI.buildApplication(config: keyless, logger: TestEnvironment.logger)
        }
        #expect(error.description.contains("NOVA_SECRET_KEY"))
        #expect(error.description.contains("REDIS_URL"))
        let config = try NovaConfig(env: EnvironmentReader(["REDIS_URL": "redis://127.0.0.1:6379", "NOVA_SECRET_KEY": "a key of enough length"]))
        #expect(config.workerLeaseSeconds == 30)
        #expect(config.redisQueueKey == "nova:jobs")
        #expect(try NovaConfig(env: EnvironmentReader(["WORKER_LEASE_SECONDS": "2.5"])).workerLeaseSeconds == 2.5)
        #expect(config.workerHealthPort == nil)
        #expect(try NovaConfig(env: EnvironmentReader(["WORKER_HEALTH_PORT": "8000"])).workerHealthPort == 8000)
    }

    @Test("an unreachable DATABASE_URL fails startup with one message naming DATABASE_URL and no password")
    func unreachableDatabase() async throws {
        let env = EnvironmentReader(["DATABASE_URL": "postgres://nova:s3cret@127.0.0.1:1/nova?sslmode=disable", "HOST": "127.0.0.1"])
        let config = try NovaConfig(env: env)
        let error = try await #require(throws: StartupError.self) {
            _ = try await NovaAPI.buildApplication(config: config, logger: TestEnvironment.logger)
        }
        #expect(error.description.contains("DATABASE_URL"))
        #expect(error.description.contains("127.0.0.1:1"))
        #expect(!error.description.contains("s3cret"))
    }
}
