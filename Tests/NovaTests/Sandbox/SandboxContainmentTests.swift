import Foundation
import NovaCore
import NovaJSON
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// What sandboxed code cannot reach: host loopback services, any network without `internet`, host files.
@Suite("Sandbox containment")
struct SandboxContainmentTests {
    /// Python that tries a TCP connection and reports `connected` or the error name, within 3 s.
    private func connect(_ host: String, _ port: Int) -> String {
        """
        import json, socket, time
        started = time.monotonic()
        try:
            socket.create_connection(("\(host)", \(port)), timeout=3).close()
            outcome = "connected"
        except OSError as error:
            outcome = type(error).__name__ + ": " + str(error)
        print(json.dumps({"status": "success", "context_updates": {"outcome": outcome, "seconds": time.monotonic() - started}}))
        """
    }

    private func outcome(_ updates: [String: JSONValue]?) -> String {
        updates?["outcome"]?.stringValue ?? "no result"
    }

    private func seconds(_ updates: [String: JSONValue]?) -> Double {
        if case .double(let seconds) = updates?["seconds"] { return seconds }
        return .infinity
    }

    @Test("a TCP service on the host's loopback is unreachable in both network modes", arguments: [SandboxNetwork.internet, .none])
    func hostLoopback(network: SandboxNetwork) async throws {
        let listener = try LoopbackListener()
        defer { listener.close() }
        #expect(listener.acceptsConnection(), "control: the listener must be reachable from the host")
        for host in ["127.0.0.1", "10.0.2.2"] {
            let updates = try await SandboxFixture.updates(connect(host, listener.port), network: network)
            #expect(outcome(updates) != "connected", "\(host):\(listener.port) reached from \(network)")
            #expect(outcome(updates) != "no result")
        }
    }

    @Test("with internet, the host's own addresses and the link-local range are unreachable routes the code cannot remove")
    func hostAddresses() async throws {
        let hostAddresses = HostAddresses.ipv4()
        #expect(!hostAddresses.isEmpty, "this machine has a non-loopback IPv4 address")
        let routes = """
            import json, socket, struct
            rejected = []
            for line in open("/proc/net/route").read().splitlines()[1:]:
                fields = line.split()
                if int(fields[3], 16) & 0x0200:
                    rejected.append(socket.inet_ntoa(struct.pack("<I", int(fields[1], 16))) + "/" + str(bin(int(fields[7], 16)).count("1")))
            print(json.dumps({"status": "success", "context_updates": {"rejected": sorted(rejected)}}))
            """
        let expected = (hostAddresses.map { "\($0)/32" } + ["169.254.0.0/16"]).sorted().map { JSONValue.string($0) }
        let rejected = try await SandboxFixture.updates(routes, network: .internet)
        try #require(rejected == ["rejected": .array(expected)], "no connection is tried unless the routes are there")
        let removal = SandboxFixture.report(
            "removal", #"subprocess.run(["ip", "route", "del", "169.254.0.0/16"], capture_output=True, text=True).stderr.strip()"#,
            importing: "json, subprocess"
        )
        #expect(try await SandboxFixture.updates(removal, network: .internet) == ["removal": .string("RTNETLINK answers: Operation not permitted")])
        let listener = try LoopbackListener()
        defer { listener.close() }
        for host in hostAddresses + ["169.254.169.254"] {
            let updates = try await SandboxFixture.updates(connect(host, listener.port), network: .internet)
            #expect(outcome(updates).contains("No route to host"), "\(host): \(outcome(updates))")
            #expect(seconds(updates) < 0.5)
        }
    }

    @Test("with network none, an outside address fails at once and only the loopback interface exists")
    func noNetwork() async throws {
        let updates = try await SandboxFixture.updates(connect("198.51.100.1", 80), network: .none)
        #expect(outcome(updates).contains("Network is unreachable"))
        #expect(seconds(updates) < 0.5)
        let interfaces = try await SandboxFixture.updates(
            SandboxFixture.report("names", "[n for _, n in socket.if_nameindex()]", importing: "json, socket"))
        #expect(interfaces == ["names": .array([.string("lo")])])
    }

    @Test("with internet, the sandbox has an interface besides loopback and uses slirp4netns's DNS forwarder")
    func internetInterface() async throws {
        let code = SandboxFixture.report("names", "sorted(n for _, n in socket.if_nameindex())", importing: "json, socket")
        #expect(try await SandboxFixture.updates(code, network: .internet) == ["names": .array([.string("lo"), .string("tap0")])])
        let resolver = SandboxFixture.report("resolver", "open('/etc/resolv.conf').read()")
        #expect(try await SandboxFixture.updates(resolver, network: .internet) == ["resolver": .string("nameserver 10.0.2.3\n")])
    }

    @Test("writing outside /tmp fails, writing inside /tmp works")
    func readOnlyRoot() async throws {
        let code = """
            import json
            results = {}
            for path in ["/usr/nova-test", "/etc/nova-test", "/nova-test", "/dev/nova-test", "/proc/nova-test", "/tmp/nova-test"]:
                try:
                    with open(path, "w") as handle:
                        handle.write("x")
                    results[path] = "written"
                except OSError as error:
                    results[path] = type(error).__name__
            print(json.dumps({"status": "success", "context_updates": results}))
            """
        let updates = try #require(try await SandboxFixture.updates(code))
        #expect(updates["/tmp/nova-test"] == .string("written"))
        for path in ["/usr/nova-test", "/etc/nova-test", "/nova-test", "/dev/nova-test", "/proc/nova-test"] {
            #expect(updates[path] != .string("written") && updates[path] != nil, "\(path) was writable")
        }
        #expect(!FileManager.default.fileExists(atPath: "/usr/nova-test") && !FileManager.default.fileExists(atPath: "/etc/nova-test"))
    }

    @Test("/etc/shadow cannot be read and the host's other directories are not there")
    func hostFiles() async throws {
        let code = """
            import json, os
            try:
                open("/etc/shadow").read()
                shadow = "read"
            except OSError as error:
                shadow = type(error).__name__
            print(json.dumps({"status": "success", "context_updates": {
                "shadow": shadow, "root": os.path.exists("/root"), "work": os.path.exists("/work"), "uid": os.getuid()}}))
            """
        let updates = try #require(try await SandboxFixture.updates(code))
        #expect(updates["shadow"] == .string("PermissionError"))
        #expect(updates["root"] == .bool(false))
        #expect(updates["work"] == .bool(false))
        #expect(updates["uid"] != .int(0))
    }
}
