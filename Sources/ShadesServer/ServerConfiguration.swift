/// How `shades-server` listens and what it accepts.
public struct ServerConfiguration: Sendable {
    /// The address to bind; 127.0.0.1 keeps the service on this machine.
    public var host: String
    public var port: Int
    /// Largest request body accepted, in bytes; larger ones get 413 before they are buffered.
    public var maxBodySize: Int
    /// Most items accepted in one batch request.
    public var batchLimit: Int
    /// Longest an analysis may take before the request gets 503.
    public var requestTimeout: Duration
    /// Lexicon files added to the built-in ones.
    public var lexiconFiles: [String]

    public init(
        host: String = "127.0.0.1", port: Int = 8080, maxBodySize: Int = 1 << 20, batchLimit: Int = 1000,
        requestTimeout: Duration = .seconds(30), lexiconFiles: [String] = []
    ) {
        self.host = host
        self.port = port
        self.maxBodySize = maxBodySize
        self.batchLimit = batchLimit
        self.requestTimeout = requestTimeout
        self.lexiconFiles = lexiconFiles
    }
}
