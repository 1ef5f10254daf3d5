import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers what the HTTP/1 parser refuses (a bad method, headers beyond the decoder's limits, a request line that is
/// not HTTP) in the service's JSON envelope, then closes the connection.
///
/// Hummingbird answers such errors itself with `400` and an empty body, below the router and its middleware; this
/// handler sits in the channel pipeline just after the HTTP/1 decoder, where it sees the error first. An error in the
/// middle of a request (its head already passed to the application) is left to Hummingbird, which owns the response
/// by then.
package final class ParserErrorEnvelopeHandler: ChannelDuplexHandler, RemovableChannelHandler {
    package typealias InboundIn = HTTPRequestPart
    package typealias InboundOut = HTTPRequestPart
    package typealias OutboundIn = HTTPResponsePart
    package typealias OutboundOut = HTTPResponsePart

    private let style: ErrorStyle
    private var requestOpen = false

    /// Creates the handler for a service whose error bodies have `style`.
    package init(style: ErrorStyle) {
        self.style = style
    }

    package func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) { requestOpen = true }
        context.fireChannelRead(data)
    }

    package func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { requestOpen = false }
        context.write(data, promise: promise)
    }

    package func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard !requestOpen else {
            context.fireErrorCaught(error)
            return
        }
        let (status, message) = Self.answer(to: error)
        let body = (try? JSONResponse.encoder().encode(style.body(status: status, message: message))) ?? Data()
        let head = HTTPResponse(
            status: status,
            headerFields: [.contentType: "application/json; charset=utf-8", .contentLength: String(body.count), .connection: "close"])
        requestOpen = true
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(context.channel.allocator.buffer(bytes: body))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        context.close(promise: nil)
    }

    /// The status and message for a refused request: 431 for headers beyond the limits, else 400.
    static func answer(to error: any Error) -> (HTTPResponse.Status, String) {
        switch error as? HTTPParserError {
        case .headerOverflow?:
            (.requestHeaderFieldsTooLarge, "Request line and headers are larger than the limit of 80 KiB")
        case .invalidMethod?:
            (.badRequest, "Malformed HTTP request: unknown method")
        case .invalidURL?, .invalidPath?:
            (.badRequest, "Malformed HTTP request: invalid characters in the request target")
        default:
            (.badRequest, "Malformed HTTP request")
        }
    }
}
