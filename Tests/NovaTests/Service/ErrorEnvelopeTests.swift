import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NovaJSON
import ServiceKit
import Testing

@testable import NovaAPI
@testable import NovaRAG

@Suite("Error envelopes: JSON in each service's shape, never HTML or empty")
struct ErrorEnvelopeTests {
    @Test("an unknown route is a 404 in nova's {error, status_code} envelope")
    func novaNotFound() async throws {
        let env = try TestEnvironment()
        let app = try await NovaAPI.buildApplication(config: NovaConfig(env: env.nova()), logger: TestEnvironment.logger)
        try await app.test(.router) { client in
            try await client.execute(uri: "/no/such/route", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(response.json == .object(["error": .string("Not Found"), "status_code": .int(404)]))
            }
        }
    }

    @Test("an unknown route is a 404 in nova-rag's {detail} envelope")
    func ragNotFound() async throws {
        let env = try TestEnvironment()
        try await RAGApp.run(directory: env) { client in
            try await client.execute(uri: "/nothing", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.json == .object(["detail": .string("Not Found")]))
            }
        }
    }

    @Test("a wrong method on a known path is a 405 naming the allowed methods")
    func methodNotAllowed() async throws {
        let env = try TestEnvironment()
        let nova = try await NovaAPI.buildApplication(config: NovaConfig(env: env.nova()), logger: TestEnvironment.logger)
        try await nova.test(.router) { client in
            try await client.execute(uri: "/health", method: .delete) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
                #expect(response.json == .object(["error": .string("Method Not Allowed"), "status_code": .int(405)]))
            }
        }
        try await RAGApp.run(directory: env) { client in
            try await client.execute(uri: "/health", method: .post) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.json == .object(["detail": .string("Method Not Allowed")]))
            }
        }
    }

    @Test("a body over MAX_BODY_BYTES is a 413 with a JSON message, on both services")
    func oversizedBody() async throws {
        let env = try TestEnvironment()
        let body = ByteBuffer(repeating: UInt8(ascii: "x"), count: 4096)
        let nova = try await NovaAPI.buildApplication(config: NovaConfig(env: env.nova(["MAX_BODY_BYTES": "2048"])), logger: TestEnvironment.logger)
        try await nova.test(.router) { client in
            try await client.execute(uri: "/health", method: .post, body: body) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.json?["status_code"] == .int(413))
                #expect(response.json?["error"]?.stringValue?.contains("MAX_BODY_BYTES") == true)
            }
        }
        try await RAGApp.run(["MAX_BODY_BYTES": "2048"], directory: env) { client in
            try await client.execute(uri: "/code/search", method: .post, body: body) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.json?["detail"]?.stringValue?.contains("2048") == true)
            }
        }
    }

    @Test("every response carries X-Request-ID: the caller's, or a new one")
    func requestID() async throws {
        let env = try TestEnvironment()
        let app = try await NovaAPI.buildApplication(config: NovaConfig(env: env.nova()), logger: TestEnvironment.logger)
        try await app.test(.router) { client in
            try await client.execute(uri: "/health", method: .get, headers: [RequestIDMiddleware<BasicRequestContext>.headerName: "abc-123"]) {
                response in
                #expect(response.headers[RequestIDMiddleware<BasicRequestContext>.headerName] == "abc-123")
            }
            try await client.execute(uri: "/missing", method: .get) { response in
                let generated = try #require(response.headers[RequestIDMiddleware<BasicRequestContext>.headerName])
                #expect(UUID(uuidString: generated) != nil)
            }
        }
    }
}
