/// Per-thread state for analysing text: the ICU iterators, the tokens and the matcher's
/// buffers, reused from one text to the next.
final class TextWorkspace: @unchecked Sendable {
    // @unchecked: a workspace is only ever used by the one thread that checked it out of
    // `WorkspacePool`; ICU objects inside it are not thread-safe.
    let icu = BreakIterators()
    var text = TokenizedText()
    let matcherBuffers = Matcher.Buffers()
}
