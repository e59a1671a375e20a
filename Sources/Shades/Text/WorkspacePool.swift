import Synchronization

/// Hands out `TextWorkspace`s so that concurrent analyses never share ICU iterators: an
/// analysis checks one out, uses it on its own thread and returns it. Opening iterators costs
/// microseconds, so workspaces are kept for reuse rather than made per call.
final class WorkspacePool: Sendable {
    private let idle = Mutex<[TextWorkspace]>([])

    init() {}

    func withWorkspace<Result>(_ body: (TextWorkspace) throws -> Result) rethrows -> Result {
        let workspace = idle.withLock { $0.popLast() } ?? TextWorkspace()
        defer { idle.withLock { $0.append(workspace) } }
        workspace.reset()
        return try body(workspace)
    }
}
