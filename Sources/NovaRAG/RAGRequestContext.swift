import Hummingbird
import NIOCore

/// nova-rag's request context: Hummingbird's core storage and the peer address, which keys the rate limit and the
/// brake on failed authentication.
struct RAGRequestContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    /// The connected peer, nil in router tests.
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
