/// Why a knowledge pack could not be loaded.
public struct PackError: Error, CustomStringConvertible, Sendable {
    /// The file or directory at fault.
    public let path: String
    /// What is wrong with it.
    public let reason: String

    /// Creates an error about `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// A one-line message naming the path.
    public var description: String { "knowledge pack: \(path): \(reason)" }
}
