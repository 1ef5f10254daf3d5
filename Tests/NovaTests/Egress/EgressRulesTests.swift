import EgressProxy
import Testing

/// Which addresses the egress proxy refuses, and that a declared destination is the only way past them.
@Suite("Egress proxy address rules")
struct EgressRulesTests {
    @Test(
        "Forbidden kinds of address",
        arguments: [
            ("0.0.0.0", "unspecified"), ("10.0.0.1", "private"), ("172.16.5.4", "private"), ("172.31.255.255", "private"),
            ("192.168.1.1", "private"), ("100.64.0.1", "carrier-grade NAT"), ("127.0.0.53", "loopback"),
            ("169.254.169.254", "cloud metadata"), ("169.254.1.1", "link-local"), ("224.0.0.251", "multicast"),
            ("255.255.255.255", "reserved or broadcast"), ("::", "unspecified"), ("::1", "loopback"), ("fd12::1", "unique local"),
            ("fd00:ec2::254", "cloud metadata"), ("fe80::1", "link-local"), ("ff02::1", "multicast"),
            ("::ffff:10.0.0.1", "private"), ("64:ff9b::a9fe:a9fe", "cloud metadata"),
        ])
    func forbidden(address: String, kind: String) throws {
        #expect(try #require(EgressAddress(address)).forbiddenKind == kind)
    }

    @Test("Public addresses pass", arguments: ["1.1.1.1", "172.32.0.1", "100.128.0.1", "93.184.216.34", "2606:4700::1111", "2001:db8::1"])
    func publicAddress(address: String) throws {
        #expect(try #require(EgressAddress(address)).forbiddenKind == nil)
    }
}
