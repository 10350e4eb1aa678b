/// Decides the verdict of a yes/no question from the claims of `yesno.yaml` (facts only), and holds the
/// texts an answer leads with.
struct YesNoClaims: Sendable {
    /// One alternative of a group: a run of stems, or a marker.
    enum Term: Sendable {
        /// A run of stems, with their ``WordHash`` values.
        case words([String], [UInt64])
        case namedPlatform
        case otherPlatform
        /// Out-of-scope words in the question ("is the fifth difference about pay?").
        case foreign
        /// The subject of a comparison in the question ("$subject:kol": "do KOLs spend more time online than
        /// influencers?"): ``Reading/subjectSide``.
        case subjectSide(String)
    }

    struct Claim: Sendable {
        /// Every group must hold one of its terms.
        var groups: [[Term]]
        var polarity: Polarity
        /// True when some group holds a run of words (not only markers).
        var hasWords: Bool {
            groups.contains { $0.contains { if case .words = $0 { return true }; return false } }
        }
    }

    /// Claims per intent index (an array indexed by intent), in file order.
    let claims: [[Claim]]
    /// Lead texts: `yes`, `no`, `unknown`, `unknown_named` (with `{x}`), per language.
    let leads: [String: [Language: String]]
    /// Stems that negate the word right after them (or the one after that): "tidak harus", "doesn't need".
    let negations: WordSet
    /// Stems after which a negation only asks the question ("boleh nggak", "or not").
    let negationTags: WordSet
    /// Verbs after which a negation a word apart only asks too ("bisa terkenal nggak", "ada kesamaan gak"):
    /// `forms.yesno.gapped.verbs` of understanding.yaml.
    let tagVerbs: WordSet
    /// Negations that open a question ("aren't they ...?"), stems that make a negation restrict ("not only"),
    /// and stems that only end a question ("sih", "kan"): none of these denies the claim.
    let negationOpeners: WordSet
    let restrictives: WordSet
    let questionTails: WordSet
    /// "have no", "has no": after these a negation denies what follows.
    private let owners: Set<String> = ["have", "has"]
    /// Subjects after which an opening negation asks ("isn't it", "aren't they", "bukankah KOL").
    let negationSubjects: WordSet
    /// "isn't it true that": the question proper starts after these.
    let questionOpeners: [[String]]

    init(spec: YesNoSpec, intents: [String: Int], topics: [String], tagVerbs: [String], normalise: (String) -> [String]) throws {
        var claims: [Int: [Claim]] = [:]
        for claim in spec.claims {
            guard let intent = intents[claim.intent] else {
                throw PackError(path: "yesno.yaml", reason: "claim about unknown intent \(claim.intent)")
            }
            guard let polarity = Polarity(rawValue: claim.polarity) else {
                throw PackError(path: "yesno.yaml", reason: "claim about \(claim.intent) has unknown polarity \(claim.polarity)")
            }
            let groups: [[Term]] = try (claim.when ?? []).map { group in
                try group.compactMap { text -> Term? in
                    switch text {
                    case "$named_platform": return .namedPlatform
                    case "$other_platform": return .otherPlatform
                    case "$foreign": return .foreign
                    case let marker where marker.hasPrefix("$subject:"):
                        let side = String(marker.dropFirst("$subject:".count))
                        guard topics.contains(side) else {
                            throw PackError(path: "yesno.yaml", reason: "claim about \(claim.intent) names unknown side \(side) in \(marker)")
                        }
                        return .subjectSide(side)
                    default:
                        let words = normalise(text)
                        return words.isEmpty ? nil : .words(words, words.map(WordHash.of))
                    }
                }
            }
            claims[intent, default: []].append(Claim(groups: groups, polarity: polarity))
        }
        var byIntent = [[Claim]](repeating: [], count: (intents.values.max() ?? -1) + 1)
        for (intent, list) in claims { byIntent[intent] = list }
        self.claims = byIntent
        var leads: [String: [Language: String]] = [:]
        for (key, text) in spec.leads {
            var localized: [Language: String] = [:]
            if let id = text.id { localized[.indonesian] = id }
            if let en = text.en { localized[.english] = en }
            leads[key] = localized
        }
        for key in ["yes", "no", "unknown"] where leads[key]?.count != Language.allCases.count {
            throw PackError(path: "yesno.yaml", reason: "lead \(key) needs a text in every language")
        }
        self.leads = leads
        negations = WordSet((spec.negations ?? []).flatMap(normalise))
        negationTags = WordSet((spec.negationTags ?? []).flatMap(normalise))
        self.tagVerbs = WordSet(tagVerbs.flatMap(normalise))
        negationOpeners = WordSet((spec.negationOpeners ?? []).flatMap(normalise))
        restrictives = WordSet((spec.restrictives ?? []).flatMap(normalise))
        questionTails = WordSet((spec.questionTails ?? []).flatMap(normalise))
        negationSubjects = WordSet((spec.negationSubjects ?? []).flatMap(normalise))
        questionOpeners = (spec.questionOpeners ?? []).map(normalise).filter { !$0.isEmpty }
    }

    /// The verdict on a yes/no question routed to `intent`, read in `stems`; `unknown` when no claim holds.
    /// True when some claim decides yes/no questions routed to `intent`.
    func decides(_ intent: Int) -> Bool { intent < claims.count && !claims[intent].isEmpty }

    func polarity(of intent: Int, stems: [String], hashes: [UInt64], reading: Reading) -> Polarity {
        verdict(of: intent, stems: stems, hashes: hashes, reading: reading).polarity
    }

    /// The verdict on a yes/no question routed to `intent`, and whether something the question says (words or a
    /// platform named) decided it (false: the intent's default claim).
    func verdict(of intent: Int, stems: [String], hashes: [UInt64], reading: Reading) -> (polarity: Polarity, byMessage: Bool) {
        guard intent < claims.count else { return (.unknown, false) }
        var denied: Int??
        claims: for claim in claims[intent] {
            var negated = false
            var firstWord = Int.max // where the claim's first word held stands
            for group in claim.groups {
                var held = false
                for term in group {
                    guard let start = Self.start(of: term, stems, hashes, reading) else { continue }
                    held = true
                    if case .words = term { firstWord = min(firstWord, start) }
                    // "have no personal brand": a negation right after a claim's word that owns something.
                    // ("do they have or not" ends there: a tail, no denial.)
                    if case .words(let words, _) = term, start + words.count + 1 < stems.count, owners.contains(stems[start]),
                       negations.contains(stems[start + words.count], hash: hashes[start + words.count]) {
                        negated = true
                    }
                    // "nggak harus", "doesn't need", "tidak punya": a negation just before the claim's word.
                    for distance in 1...2 where start >= distance {
                        let at = start - distance
                        guard negations.contains(stems[at], hash: hashes[at]) else { continue }
                        // ("Bukankah KOL selalu aktif ...?": a negation opening the question asks.)
                        if at == 0, negationOpeners.contains(stems[0], hash: hashes[0]) { continue }
                        // ("bisa nggak", and a word apart: "bisa terkenal nggak di luar negeri")
                        if at > 0, negationTags.contains(stems[at - 1], hash: hashes[at - 1])
                            || at > 1 && tagVerbs.contains(stems[at - 2], hash: hashes[at - 2]) { continue }
                        negated = true
                    }
                    break
                }
                if !held { continue claims }
            }
            // A claim held by no word of the message (its default, a platform named) is denied by a negation
            // anywhere in the question; a word's own negation is read beside it above. A negation near the subject
            // before a true claim's word denies it too ("influencers don't spend much of their time online?"); a
            // false claim denied stays false to the writers we measured ("KOL sama sekali tidak bekerja online?").
            if !negated, !claim.hasWords || claim.polarity == .yes {
                if denied == nil { denied = deniesPredicate(stems, hashes) }
                if let at = denied ?? nil { negated = !claim.hasWords || at < firstWord }
            }
            let byMessage = !claim.groups.isEmpty
            guard negated else { return (claim.polarity, byMessage) }
            switch claim.polarity {
            case .yes: return (.no, byMessage)
            case .no: return (.yes, byMessage)
            case .unknown: return (.unknown, byMessage)
            }
        }
        return (.unknown, false)
    }

    /// Where the negation stands that denies what the question asks about ("KOL nggak mungkin jadi influencer,
    /// kan?", "Apakah influencer tidak memakai TikTok?"), nil for none: a negation among its first words but not the
    /// first one nor a last one, follows no tag word ("boleh nggak"), comes before no tail ("gak sih") and restricts
    /// nothing ("bukan cuma").
    private func deniesPredicate(_ stems: [String], _ hashes: [UInt64]) -> Int? {
        var end = stems.count
        while end > 0, questionTails.contains(stems[end - 1], hash: hashes[end - 1]) { end -= 1 }
        // "Isn't it true that influencers don't use YouTube?": read from after the opening.
        let opening = questionOpeners.first { stems.starts(with: $0) }?.count ?? 0
        if opening > 0, opening < end {
            return deniesPredicate(Array(stems[opening..<end]), Array(hashes[opening..<end])).map { $0 + opening }
        }
        guard end >= 3 else { return nil }
        // Near the subject: later a negation tags the question ("KOL punya kerjaan tetap gak, selain jadi KOL?").
        let subject = (0..<min(end, 3)).first { negationSubjects.contains(stems[$0], hash: hashes[$0]) } ?? 0
        for at in 1..<min(end - 1, max(3, subject + 4)) where negations.contains(stems[at], hash: hashes[at]) {
            // "isn't a KOL ...?" asks; "influencers don't use ...?" denies.
            let opens = negationOpeners.contains(stems[at], hash: hashes[at]) && negationSubjects.contains(stems[at + 1], hash: hashes[at + 1])
            // ("ada kesamaan gak ...": a tag a word after its verb asks too.)
            if opens || negationTags.contains(stems[at - 1], hash: hashes[at - 1])
                || at >= 2 && tagVerbs.contains(stems[at - 2], hash: hashes[at - 2])
                || restrictives.contains(stems[at + 1], hash: hashes[at + 1]) || questionTails.contains(stems[at + 1], hash: hashes[at + 1]) {
                continue
            }
            return at
        }
        return nil
    }

    /// Where `term` occurs in `stems` (0 for a marker that holds), or nil.
    private static func start(of term: Term, _ stems: [String], _ hashes: [UInt64], _ reading: Reading) -> Int? {
        switch term {
        case .namedPlatform: return reading.namedPlatform ? 0 : nil
        case .foreign: return reading.foreignWeight > 0 ? 0 : nil
        case .subjectSide(let side): return reading.subjectSide.map { $0.same(as: side) } ?? false ? 0 : nil
        case .otherPlatform: return reading.otherPlatform || (reading.unknownWords > 0 && !reading.namedPlatform) ? 0 : nil
        case .words(let words, let wordHashes):
            guard words.count <= stems.count else { return nil }
            for start in 0...(stems.count - words.count) where hashes[start] == wordHashes[0] && stems[start] == words[0] {
                if words.count == 1 || stems[(start + 1)..<(start + words.count)].elementsEqual(words[1...]) { return start }
            }
            return nil
        }
    }
}
