/// A set of `Modifier`s held in one byte, so that judging a match's context neither hashes nor
/// allocates.
struct ModifierSet: Sendable, Equatable {
    private var bits: UInt8 = 0

    init() {}

    init(_ modifiers: some Sequence<Modifier>) {
        for modifier in modifiers { insert(modifier) }
    }

    mutating func insert(_ modifier: Modifier) { bits |= modifier.bit }

    mutating func remove(_ modifier: Modifier) { bits &= ~modifier.bit }

    func contains(_ modifier: Modifier) -> Bool { bits & modifier.bit != 0 }

    /// The members, in `Modifier.allCases` order.
    var members: [Modifier] { Modifier.ordered.filter(contains) }
}

extension Modifier {
    /// `allCases`, built once.
    static let ordered = allCases

    fileprivate var bit: UInt8 {
        switch self {
        case .negated: 1 << 0
        case .hedged: 1 << 1
        case .boosted: 1 << 2
        case .stacked: 1 << 3
        case .emphasized: 1 << 4
        case .repeated: 1 << 5
        case .quoted: 1 << 6
        case .question: 1 << 7
        }
    }
}
