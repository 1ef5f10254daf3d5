import Hummingbird
import NIOCore

/// nova's request context: Hummingbird's core storage, the peer address and the API key that authenticated the
/// request, which together key the rate limit.
struct NovaRequestContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    /// The connected peer, nil in router tests.
    let remoteAddress: SocketAddress?
    /// Which configured API key authenticated the request (`key-<n>`), set by ``APIKeyMiddleware``.
    var apiKeyIdentity: String?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
