import EgressProxy
import Foundation
import NovaCore
import NovaJSON
import Testing

/// Node code under Landlock reaches the internet only through nova's egress proxy: a local web server that the test
/// declares reachable stands in for the internet (an injected resolver and policy, no setting), and everything a
/// sandbox must never reach is refused with a 403 naming the reason. Real python3 with `urllib` and `requests` in
/// the sandbox, real HTTP and HTTPS.
@Suite("Sandbox egress through the proxy", .enabled(if: SandboxFixture.packagesEnvironment != nil))
struct SandboxEgressTests {
    /// Names the test resolves itself; every other name goes to the system's resolver (`localhost` among them).
    private struct TestResolver: EgressResolver {
        let names: [String: [EgressAddress]]

        func addresses(of host: String) throws(EgressResolutionError) -> [EgressAddress] {
            if let known = names[host] { return known }
            return try SystemEgressResolver().addresses(of: host)
        }
    }

    /// Python that tries every way out and reports what happened; `{HTTP}` and `{HTTPS}` are the server's ports.
    private static let probes = """
        import base64, http.client, json, os, socket, ssl, urllib.parse, urllib.request, warnings
        import requests
        warnings.filterwarnings("ignore")
        HTTP, HTTPS = context["http"], context["https"]
        proxy = urllib.parse.urlsplit(os.environ["HTTPS_PROXY"])
        results = {}
        def attempt(name, action):
            try:
                results[name] = action()
            except Exception as error:
                results[name] = type(error).__name__
        insecure = ssl.create_default_context()
        insecure.check_hostname = False
        insecure.verify_mode = ssl.CERT_NONE
        fetch = lambda url, **options: json.loads(urllib.request.urlopen(url, timeout=10, **options).read())
        attempt("urllib http", lambda: fetch("http://allowed.test:%d/urllib" % HTTP))
        attempt("urllib https", lambda: fetch("https://allowed.test:%d/urllib" % HTTPS, context=insecure))
        attempt("requests http", lambda: requests.get("http://allowed.test:%d/requests" % HTTP, timeout=10).json())
        attempt("requests https", lambda: requests.get("https://allowed.test:%d/requests" % HTTPS, timeout=10, verify=False).json())
        def answer(method, target, credential=True):
            connection = http.client.HTTPConnection(proxy.hostname, proxy.port, timeout=10)
            token = base64.b64encode(("%s:%s" % (proxy.username, proxy.password)).encode()).decode()
            connection.request(method, target, headers={"Proxy-Authorization": "Basic " + token} if credential else {})
            response = connection.getresponse()
            return [response.status, json.loads(response.read())["error"]]
        for target in ["127.0.0.1:%d" % HTTP, "10.1.2.3:443", "100.64.0.1:443", "169.254.169.254:80", "[::1]:%d" % HTTP,
                       "[fd00:ec2::254]:80", "[::ffff:127.0.0.1]:%d" % HTTP, "localhost:%d" % HTTP, "nova-rag:8001",
                       "alias.test:443"]:
            attempt("CONNECT " + target, lambda target=target: answer("CONNECT", target))
        attempt("GET metadata", lambda: answer("GET", "http://169.254.169.254/latest/meta-data/"))
        attempt("without credential", lambda: answer("CONNECT", "allowed.test:%d" % HTTPS, credential=False))
        def raw(host, port):
            socket.create_connection((host, port), timeout=5).close()
            return "connected"
        attempt("raw to the server", lambda: raw("127.0.0.1", HTTP))
        attempt("raw to a public address", lambda: raw("192.0.2.1", 443))
        attempt("raw to the proxy", lambda: raw("127.0.0.1", proxy.port))
        attempt("udp socket", lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM).close())
        attempt("dns lookup", lambda: socket.getaddrinfo("example.com", 443))
        print(json.dumps({"status": "success", "context_updates": results}))
        """

    @Test(
        "urllib and requests reach a declared server over HTTP and CONNECT; private, loopback, metadata and nova's services are refused 403; no raw TCP or UDP"
    )
    func egress() async throws {
        let server = try LocalWebServer()
        defer { server.stop() }
        let lines = CapturingLogHandler.Lines()
        let loopback = try #require(EgressAddress("127.0.0.1"))
        let service = try #require(EgressAddress("192.0.2.10"))
        let policy = EgressPolicy(
            serviceHosts: ["nova-rag"], declaredReachable: ["allowed.test:\(server.httpPort)", "allowed.test:\(server.httpsPort)"])
        let resolver = TestResolver(names: ["allowed.test": [loopback], "nova-rag": [service], "alias.test": [service]])
        let proxy = try EgressProxy(policy: policy, resolver: resolver, logger: CapturingLogHandler.logger(lines))
        defer { proxy.stop() }
        var configuration = SandboxConfiguration(virtualEnvironment: SandboxFixture.packagesEnvironment)
        configuration.isolation = .landlock
        let sandbox = await ProcessSandbox(configuration: configuration, egress: proxy)
        #expect(sandbox.status.reason?.contains("through nova's egress proxy") == true, "\(sandbox.status)")

        let context: [String: JSONValue] = ["http": .int(server.httpPort), "https": .int(server.httpsPort)]
        let result = try await sandbox.run(SandboxJob(code: Self.probes, context: context, kind: .generated, timeout: .seconds(60)))
        guard case .success(let updates) = result.outcome else {
            Issue.record("\(result.outcome)")
            return
        }
        for (name, path, https) in [
            ("urllib http", "/urllib", false), ("urllib https", "/urllib", true), ("requests http", "/requests", false),
            ("requests https", "/requests", true),
        ] {
            let expected = JSONValue.object(["path": .string(path), "https": .bool(https), "credential_leaked": false])
            #expect(updates[name] == expected, "\(name): \(updates[name] ?? .null)")
        }
        let refusals = [
            "CONNECT 127.0.0.1:\(server.httpPort)": "127.0.0.1, a loopback address",
            "CONNECT 10.1.2.3:443": "10.1.2.3, a private address",
            "CONNECT 100.64.0.1:443": "100.64.0.1, a carrier-grade NAT address",
            "CONNECT 169.254.169.254:80": "169.254.169.254, a cloud metadata address",
            "CONNECT [::1]:\(server.httpPort)": "::1, a loopback address",
            "CONNECT [fd00:ec2::254]:80": "fd00:ec2::254, a cloud metadata address",
            "CONNECT [::ffff:127.0.0.1]:\(server.httpPort)": "a loopback address",
            "CONNECT localhost:\(server.httpPort)": "localhost resolves to",
            "CONNECT nova-rag:8001": "nova-rag is one of nova's own services",
            "CONNECT alias.test:443": "alias.test resolves to 192.0.2.10, an address of nova's service nova-rag",
            "GET metadata": "169.254.169.254, a cloud metadata address",
        ]
        for (name, reason) in refusals {
            guard case .array(let answer) = updates[name], answer.count == 2, case .string(let text) = answer[1] else {
                Issue.record("\(name): \(updates[name] ?? .null)")
                continue
            }
            #expect(answer[0] == 403, "\(name): \(answer)")
            #expect(text.contains(reason), "\(name): \(text)")
        }
        #expect(updates["without credential"]?.arrayValue?.first == 407, "\(updates["without credential"] ?? .null)")
        #expect(updates["raw to the server"] == "PermissionError")
        #expect(updates["raw to a public address"] == "PermissionError")
        #expect(updates["raw to the proxy"] == "connected")
        #expect(updates["udp socket"] == "PermissionError")
        #expect(updates["dns lookup"] == "gaierror")

        let log = lines.all
        #expect(
            log.contains {
                $0.contains("egress allowed") && $0.contains("destination=allowed.test:\(server.httpsPort)") && $0.contains("run=sandbox-")
            })
        #expect(log.contains { $0.contains("egress refused") && $0.contains("destination=10.1.2.3:443") })
        #expect(!log.contains { $0.contains("/urllib") || $0.contains("/requests") || $0.contains("meta-data") }, "\(log)")
    }

    @Test("A run without internet gets no proxy and no socket")
    func noNetwork() async throws {
        let proxy = try EgressProxy(policy: EgressPolicy(serviceHosts: []), logger: CapturingLogHandler.logger(.init()))
        defer { proxy.stop() }
        var configuration = SandboxConfiguration(virtualEnvironment: nil)
        configuration.isolation = .landlock
        let sandbox = await ProcessSandbox(configuration: configuration, egress: proxy)
        let code = """
            import json, os, socket
            try:
                socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()
                made = "made"
            except OSError as error:
                made = type(error).__name__
            print(json.dumps({"status": "success", "context_updates": {"proxy": os.environ.get("HTTPS_PROXY"), "socket": made}}))
            """
        let result = try await sandbox.run(SandboxJob(code: code, context: [:], kind: .generated, timeout: .seconds(20), network: .none))
        guard case .success(let updates) = result.outcome else {
            Issue.record("\(result.outcome)")
            return
        }
        #expect(updates["proxy"] == .null)
        #expect(updates["socket"] == "PermissionError")
    }
}
