import Foundation
import HTTPTypes
import HummingbirdTesting
import NovaCore
import NovaJSON
import ServiceKit
import Testing

@testable import NovaAPI

@Suite("Credential secrecy")
struct CredentialSecrecyTests {
    private static let canaries = ["canary-mail-Pa55-7f3a", "canary-db-9b1c-Q", "sk-canary-0123456789abcdef", "canary-rotated-44e1"]

    @Test("a credential value put in through the API is in no response (metrics included), no log line and not in plain text in the SQLite file")
    func neverLeaks() async throws {
        let env = try TestEnvironment()
        let lines = CapturingLogHandler.Lines()
        let answers = CapturingLogHandler.Lines()
        let key = ["NOVA_SECRET_KEY": NovaApp.secretKey]
        try await NovaApp.run(.sqlite, key, directory: env, logger: CapturingLogHandler.logger(lines)) { client in
            func text(_ method: HTTPRequest.Method, _ uri: String, _ body: JSONValue? = nil) async throws -> String {
                try await client.execute(uri: uri, method: method, body: body?.body) { String(buffer: $0.body) }
            }
            let clientID = try await client.create("/clients", ClientFixtures.client())
            let base = "/clients/\(clientID)/credentials"
            answers.append(try await text(.post, base, ClientFixtures.email(password: Self.canaries[0])))
            answers.append(try await text(.post, base, ClientFixtures.database(password: Self.canaries[1])))
            answers.append(try await text(.post, base, ClientFixtures.apiKey(Self.canaries[2])))
            answers.append(try await text(.get, base))
            for id in 1...3 { answers.append(try await text(.get, "\(base)/\(id)")) }
            answers.append(try await text(.put, "\(base)/1", .object(["values": .object(["email_password": .string(Self.canaries[3])])])))
            let wrongTypes: JSONValue = .object(["values": .object(["imap_port": .string(Self.canaries[0]), "nope": .string(Self.canaries[1])])])
            answers.append(try await text(.put, "\(base)/1", wrongTypes))
            let wrongKind: JSONValue = .object([
                "kind": .string(Self.canaries[2]), "name": .string("x"), "values": .object(["api_key": .string(Self.canaries[2])]),
            ])
            answers.append(try await text(.post, base, wrongKind))
            answers.append(try await text(.get, "/clients/\(clientID)"))
            for uri in ["/metrics", "/metrics?format=prometheus", "/health/detailed", "/clients"] { answers.append(try await text(.get, uri)) }
        }
        #expect(answers.all.count == 15)
        #expect(lines.all.count > 10)
        let files = try FileManager.default.contentsOfDirectory(atPath: env.directory.path).filter { $0.hasPrefix("nova.sqlite") }
        #expect(files.contains("nova.sqlite"))
        let stored = try files.map { try Data(contentsOf: env.directory.appendingPathComponent($0)) }
        for canary in Self.canaries {
            #expect(!answers.all.contains { $0.contains(canary) }, "a response holds \(canary)")
            #expect(!lines.all.contains { $0.contains(canary) }, "a log line holds \(canary)")
            #expect(!stored.contains { $0.range(of: Data(canary.utf8)) != nil }, "the SQLite files hold \(canary)")
        }
    }

    @Test("stored values open again with the key: an execution gets the primary credentials of its client")
    func contextRoundTrip() async throws {
        try await StoreBackend.memory.withStores { stores in
            let cipher = try CredentialCipher(secret: NovaApp.secretKey)
            let client = try await stores.clients.createClient(ClientDraft(slug: "acme", name: "Acme"), at: TestTime.origin)
            for (kind, values) in [
                (
                    CredentialKind.email,
                    ["email_user": JSONValue.string("u"), "email_password": .string("p"), "imap_host": .string("i"), "smtp_host": .string("s")]
                ),
                (.database, ["db_host": .string("h"), "db_name": .string("n"), "db_user": .string("u"), "db_password": .string("secret")]),
            ] {
                _ = try await stores.clients.addCredential(
                    clientID: client.id, CredentialDraft(kind: kind, name: kind.rawValue, isPrimary: false, values: try cipher.seal(values)),
                    at: TestTime.origin)
            }
            let loader = ClientContextLoader(clients: stores.clients, schemas: stores.schemas, cipher: cipher)
            let context = try await loader.context(slug: "acme")
            #expect(context["db_password"] == .string("secret"))
            #expect(context["db_port"] == .int(5432))
            #expect(context["imap_port"] == .int(993))
            #expect(context["client_slug"] == .string("acme"))
            #expect(context["database_schemas"] == nil)
            await #expect(throws: ClientContextError.clientNotFound("other")) { try await loader.context(slug: "other") }
            await #expect(throws: CredentialCipherError.cannotOpen) {
                try await ClientContextLoader(
                    clients: stores.clients, schemas: stores.schemas, cipher: try CredentialCipher(secret: "another key of 16+ chars")
                )
                .context(slug: "acme")
            }
        }
    }

    @Test("the cipher takes base64 of 32 bytes as the key itself and refuses short secrets")
    func keyDerivation() throws {
        let raw = Data((0..<32).map { UInt8($0) }).base64EncodedString()
        let sealed = try CredentialCipher(secret: raw).seal(["k": .string("v")])
        #expect(sealed.sealed.hasPrefix("v1:"))
        #expect(try CredentialCipher(secret: raw).open(sealed) == ["k": .string("v")])
        #expect(throws: CredentialCipherError.cannotOpen) { try CredentialCipher(secret: "a different secret value").open(sealed) }
        #expect(throws: CredentialCipherError.secretTooShort) { try CredentialCipher(secret: "short") }
        #expect(throws: ConfigError.self) { try NovaConfig(env: EnvironmentReader(["NOVA_SECRET_KEY": "short"])) }
    }

    @Test("startup refuses a store holding credentials when NOVA_SECRET_KEY is unset or wrong", arguments: Backend.available)
    func startupRefusal(backend: Backend) async throws {
        let env = try TestEnvironment()
        let database = try await backend.environment()
        let withKey = database.merging(["NOVA_SECRET_KEY": NovaApp.secretKey]) { $1 }
        try await NovaApp.run(backend, withKey, directory: env) { client in
            let clientID = try await client.create("/clients", ClientFixtures.client())
            _ = try await client.create("/clients/\(clientID)/credentials", ClientFixtures.apiKey("value"))
        }
        for variables in [database, database.merging(["NOVA_SECRET_KEY": "some other key of enough length"]) { $1 }] {
            let app = try await NovaAPI.buildApplication(config: NovaConfig(env: env.nova(variables)), logger: TestEnvironment.logger)
            let error = await #expect(throws: StartupError.self) { try await app.test(.router) { _ in } }
            #expect(error?.description.contains("NOVA_SECRET_KEY") == true)
        }
    }
}
