import Foundation
import HummingbirdTesting
import NovaJSON

extension TestResponse {
    /// The body decoded as any JSON value.
    var json: JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(body.readableBytesView))
    }
}
