/// How sensitive the data behind an alert is.
package enum DataClass: String, Sendable, Comparable, CaseIterable {
    case none
    case unclassified
    case personal
    case payment

    private var rank: Int {
        switch self {
        case .none: 0
        case .unclassified: 1
        case .personal: 2
        case .payment: 3
        }
    }

    package static func < (lhs: DataClass, rhs: DataClass) -> Bool { lhs.rank < rhs.rank }

    /// Whether a breach of this class falls under GDPR Art. 33 (personal data; payment data is personal too).
    package var isPersonal: Bool { self == .personal || self == .payment }
}

/// Maps endpoint templates (and `export <Object>` keys) to data classes. Patterns match the template with its
/// method removed; `*` matches any run of characters. The first matching class in the order payment, personal,
/// none wins; endpoints that match nothing are unclassified.
package struct DataClassRules: Sendable, Equatable {
    package var payment: [String]
    package var personal: [String]
    package var none: [String]

    /// The defaults for a CRM / e-commerce API: contacts, leads, customers, cases and accounts are personal
    /// data; orders, payments and invoices are payment data.
    package init(
        payment: [String] = ["/api/*/orders*", "/api/*/payments*", "/api/*/invoices*", "export Order*",
                             "export Payment*", "export Invoice*"],
        personal: [String] = ["/api/*/contacts*", "/api/*/leads*", "/api/*/customers*", "/api/*/cases*",
                              "/api/*/accounts*", "/api/*/reports*", "/api/*/users*", "export Contact*",
                              "export Lead*", "export Customer*", "export Case*", "export Account*", "export User*"],
        none: [String] = ["/api/*/products*", "/api/*/health*", "/api/*/auth/*", "/api/*/reviews*"]
    ) {
        self.payment = payment
        self.personal = personal
        self.none = none
    }

    /// The class of one endpoint key (`GET /api/v2/contacts/{id}`, `export Contact`).
    package func classify(endpoint: String) -> DataClass {
        var path = Substring(endpoint)
        if !endpoint.hasPrefix("export "), let space = endpoint.firstIndex(of: " ") {
            path = endpoint[endpoint.index(after: space)...]
        }
        if payment.contains(where: { Self.matches($0, path) }) { return .payment }
        if personal.contains(where: { Self.matches($0, path) }) { return .personal }
        if none.contains(where: { Self.matches($0, path) }) { return .none }
        return .unclassified
    }

    /// Glob match with `*` only.
    static func matches(_ pattern: String, _ text: Substring) -> Bool {
        let pattern = Array(pattern.utf8)
        let text = Array(text.utf8)
        var p = 0, t = 0, star = -1, mark = 0
        while t < text.count {
            if p < pattern.count && pattern[p] == UInt8(ascii: "*") {
                star = p
                mark = t
                p += 1
            } else if p < pattern.count && pattern[p] == text[t] {
                p += 1
                t += 1
            } else if star >= 0 {
                p = star + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while p < pattern.count && pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.count
    }
}
