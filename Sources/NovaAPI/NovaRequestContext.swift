import Hummingbird
import NIOCore

/// nova's request context: Hummingbird's core storage plus the peer address, which keys the rate limit when no API
/// keys are configured.
struct NovaRequestContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    /// The connected peer, nil in router tests.
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
