/// How entries are found inside JSON Lines and CSV exports, and how large one may be.
struct ReadOptions {
    /// The member or column holding the text.
    var textField = "text"
    /// The member or column holding the date; a missing member leaves the entry undated.
    var dateField = "date"
    /// The member or column holding the id; without one the id is the file and line.
    var idField = "id"
    /// Entries (and whole-file exports) larger than this are reported as failures, which
    /// keeps memory bounded.
    var maxEntryBytes = 16 << 20
}
