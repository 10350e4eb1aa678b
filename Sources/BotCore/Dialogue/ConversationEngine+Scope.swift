/// What needs the message as written, not only its normalised words: a proper name the pack does not know
/// ("Is Atta Halilintar a KOL or an influencer?", "dr tirta"), out-of-scope words that only set the scene in a
/// clause of their own ("aku lagi ngerjain tugas kuliah, dosenku nanya bedanya KOL sama influencer apa"), cues
/// that would span a clause boundary, and a yes/no question or small talk in one clause of several. All are
/// looked at only when the reading leaves room for them, so the common message pays nothing.
extension ConversationEngine {
    /// `reading` with the out-of-scope weight, the aspect, the forms and the move of `text` corrected for names
    /// and for its clauses.
    func scoped(_ reading: consuming Reading, analysis: Analysis, text: String) -> Reading {
        var reading = reading
        // The clauses of `text`, split at most once and only when a rule below needs them.
        var split: [Substring]?
        func clauses() -> [Substring] {
            if let split { return split }
            let pieces = Self.mayHoldClauses(text) ? Self.clauses(of: text) : [Substring(text)]
            split = pieces
            return pieces
        }
        let sceneMayMatter = reading.foreignWeight > 0 && reading.hasContent
            || reading.aspect >= 0 && !reading.aspectIsStrong && pack.reader.speaksOfItself(analysis.words, hashes: analysis.wordHashes)
        if sceneMayMatter || reading.aspectTied {
            let clauses = clauses()
            if clauses.count > 1 {
                // No cue spans a clause boundary ("Dalam konteks pemasaran, influencer itu siapa?" is no
                // question about influencer marketing).
                if reading.foreignWeight > 0 {
                    let own = clauses.map { pack.reader.read(pack.analyzer.analyze(String($0)), questionMark: false) }
                    reading.foreignWeight = min(reading.foreignWeight, own.reduce(Int16(0)) { $0 + $1.foreignWeight })
                    // "who wrote this stuff? what's your source": a clause asking about the strong aspect with nothing
                    // out of scope is answered, when the out-of-scope words stand in clauses of no aspect.
                    if reading.aspectIsStrong,
                       own.contains(where: { $0.aspectIsStrong && $0.aspect == reading.aspect && $0.foreignWeight == 0 }),
                       own.allSatisfy({ $0.foreignWeight == 0 || $0.aspect < 0 }) {
                        reading.foreignWeight = 0
                    }
                }
                if sceneMayMatter { reading = withoutScene(reading, clauses: clauses) }
                if reading.aspectTied { reading = questionClauseAspect(of: clauses, in: reading) }
            }
        }
        // "kol & influencer emg beda ya? kirain sama": a yes/no question before the message's last words.
        if reading.hasContent, reading.forms.isDisjoint(with: [.yesNo, .why, .questionWord]), !reading.isChoice,
           let offset = Self.innerQuestionMark(text) {
            let question = String(decoding: text.utf8.prefix(offset), as: UTF8.self)
            let own = pack.reader.read(pack.analyzer.analyze(question), questionMark: true)
            if own.forms.contains(.yesNo), own.hasContent { reading.forms.insert(.yesNo) }
        }
        // "Do people trust KOLs? Why?": a yes/no question, then why its answer holds.
        if reading.hasContent, reading.forms.contains(.why), !reading.forms.contains(.yesNo), let offset = Self.innerQuestionMark(text) {
            let question = String(decoding: text.utf8.prefix(offset), as: UTF8.self)
            let own = pack.reader.read(pack.analyzer.analyze(question), questionMark: true)
            if own.forms.contains(.yesNo), !own.forms.contains(.why), own.hasContent,
               !pack.reader.read(pack.analyzer.analyze(String(decoding: text.utf8.dropFirst(offset + 1), as: UTF8.self)), questionMark: true).hasContent {
                reading.forms.insert(.yesNo)
            }
        }
        // "klo snapchat gmn, dipake influencer ga?": the last clause asks yes or no (the question word of an earlier
        // clause hid it; without one, the message's own tags were read).
        if reading.hasContent, reading.forms.contains(.questionWord), !reading.forms.contains(.yesNo), !reading.isChoice,
           !reading.forms.contains(.why),
           let last = clauses().last, last.utf8.count < text.utf8.count {
            let own = pack.reader.read(pack.analyzer.analyze(String(last)), questionMark: Self.endsWithQuestionMark(text))
            if own.forms.contains(.yesNo), !own.forms.contains(.questionWord) { reading.forms.insert(.yesNo) }
        }
        // "Before we start, who am I chatting with?": small talk in the last clause, after one that sets a scene.
        if !reading.hasContent, reading.move < 0, reading.extraWords > 0, reading.foreignWeight == 0, clauses().count > 1,
           let last = clauses().last {
            let own = pack.reader.read(pack.analyzer.analyze(String(last)), questionMark: false)
            if own.move >= 0, !own.hasContent, own.foreignWeight == 0 {
                reading.move = own.move
                reading.moveTies = own.moveTies
                reading.extraWords = own.extraWords
                reading.unknownWords = own.unknownWords
            }
        }
        // "Pagi! aku lagi bikin tugas kuliah", "wkwk makasih, kamu pinter juga": small talk in the first clause, and
        // clauses that ask nothing after it.
        if !reading.hasContent, reading.extraWords > 0 || reading.foreignWeight > 0 {
            let clauses = clauses()
            if clauses.count > 1 {
                let first = pack.reader.read(pack.analyzer.analyze(String(clauses[0])), questionMark: false)
                let rest = pack.reader.read(pack.analyzer.analyze(clauses.dropFirst().joined(separator: ", ")), questionMark: false)
                if first.move >= 0, first.extraWords == 0, first.foreignWeight == 0, !first.hasContent, !rest.hasContent,
                   rest.move < 0, rest.entity == nil, rest.forms.isDisjoint(with: [.questionWord, .why, .yesNo, .definition]) {
                    reading.move = first.move
                    reading.moveTies = first.moveTies
                    reading.extraWords = 0
                    reading.unknownWords = 0
                    reading.foreignWeight = 0
                    reading.ordinal = nil // "semester 3" sets the scene too
                }
            }
        }
        // ("is atta halilintar one?", "Atta Halilintar termasuk ga?": a name asked about through the last answer.)
        // (A platform the article lists beside a name and no side asks about the name: "Does Facebook still have
        // Marketplace?"; else the name may be a platform asked about: "Apakah Kwai termasuk platform?")
        if reading.hasContent || reading.forms.contains(.yesNo) && reading.unknownWords >= 2,
           reading.unknownWords > 0,
           reading.aspect != pack.reader.platformsAspect
            || reading.namedPlatform && reading.entity == nil && !reading.pronoun && !reading.singularPronoun,
           namesSomethingUnknown(text, tokens: analysis.tokens) {
            reading.foreignWeight += Reader.foreignWeight
        }
        // "KOL itu singkatan dari King Of Lifestyle ya?": the words of a long form asked about are no topic of their own.
        if reading.foreignWeight > 0, reading.aspect == pack.reader.termAspect, reading.aspectIsStrong, reading.forms.contains(.yesNo),
           let side = reading.entity, !side.same(as: "both") {
            reading.foreignWeight = 0
        }
        return reading
    }

    /// The analysis and reading of the sentences of `text` that ask something, when others only set the scene
    /// ("Saya nak buat pembentangan untuk klien.") and those that ask name a side or a strong aspect, or make
    /// small talk ("Terima kasih! Saya sedang belajar bahasa Indonesia."); else nil.
    /// A sentence asks when it ends with "?", holds a question form, or names an aspect or a move of its own.
    func askingSentences(of text: String) -> (analysis: Analysis, reading: Reading)? {
        guard Self.mayHoldSentences(text) else { return nil }
        var asking: [Substring] = []
        var scene = false
        var sceneSides: Set<String> = []
        var sideLast = false // the last sentence names a side and asks nothing ("Just the influencer part.")
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if Self.endsSentence(text, at: index, titles: pack.reader.titles) || next == text.endIndex {
                let sentence = text[start..<(character == "?" || !".!?\n".contains(character) ? next : index)]
                if sentence.contains(where: \.isLetter) {
                    if character == "?" {
                        asking.append(sentence)
                        sideLast = false
                    } else {
                        // A statement of the user about themselves (naming no strong aspect: "give me examples" asks),
                        // with out-of-scope words, or naming no aspect sets the scene; "Beri contoh." asks.
                        let own = pack.analyzer.analyze(String(sentence))
                        let reading = pack.reader.read(own, questionMark: false)
                        let asks = !reading.forms.isDisjoint(with: [.questionWord, .why, .yesNo])
                        // ("Oh kerja tetap ya. Terus orang kok mau dengerin dia?": an acknowledgement sets the scene too,
                        // its tag only echoing the answer.)
                        let sets = !asks && pack.reader.opensWithSelf(own.words, hashes: own.wordHashes)
                            || reading.move < 0 && reading.ordinal == nil
                                && reading.forms.isDisjoint(with: [.questionWord, .why, .definition, .list, .followUp])
                                && pack.reader.opensWithAcknowledgement(own.tokens, hashes: own.tokenHashes)
                            || !asks && !reading.forms.contains(.definition)
                                && (reading.foreignWeight > 0 || reading.aspect < 0 && reading.move < 0
                                    || !reading.aspectIsStrong && pack.reader.speaksOfItself(own.words, hashes: own.wordHashes))
                        if sets {
                            scene = true
                            if let side = reading.entity { sceneSides.insert(side) }
                            sideLast = reading.entity != nil
                        } else {
                            asking.append(sentence)
                            sideLast = false
                        }
                    }
                }
                start = next
            }
            index = next
        }
        // (A side named after the question narrows it: no scene.)
        guard scene, !asking.isEmpty, !sideLast else { return nil }
        let question = asking.joined(separator: " ")
        var analysis = pack.analyzer.analyze(question)
        var reading = scoped(pack.reader.read(analysis, questionMark: Self.endsWithQuestionMark(question)), analysis: analysis, text: question)
        // "Saya baru dengar istilah KOL. Maksudnya apa?": a question naming no side asks about the side the scene names.
        if reading.entity == nil, sceneSides.count == 1, let side = sceneSides.first,
           reading.pronoun || reading.singularPronoun || !reading.forms.isDisjoint(with: [.questionWord, .why, .yesNo, .definition]) {
            reading.entity = side
            analysis.entities.topic = side
        }
        guard reading.entity != nil || reading.pronoun || reading.singularPronoun || reading.aspectIsStrong || reading.forms.contains(.compareNoun)
            || reading.ordinal != nil || reading.move >= 0 && reading.foreignWeight == 0 && sceneSides.isEmpty else { return nil }
        return (analysis, reading)
    }

    /// True when the character at `index` ends a sentence: "?", "!", a line break, or a period before a space or
    /// the end that follows a word of two letters or more which is no title ("K.O.L.", "dr. Tirta", "3.5" go on).
    static func endsSentence(_ text: String, at index: String.Index, titles: Set<String>) -> Bool {
        switch text[index] {
        case "?", "!", "\n": return true
        case ".":
            let next = text.index(after: index)
            guard next == text.endIndex || text[next].isWhitespace else { return false }
            var start = index
            while start > text.startIndex, text[text.index(before: start)].isLetter { start = text.index(before: start) }
            let word = text[start..<index].lowercased()
            return word.count >= 2 && !titles.contains(word) && !abbreviations.contains(word)
        default: return false
        }
    }

    /// The message with the user's correction applied ("apa itu influencer? eh bukan, maksudku KOL", "yang kedua,
    /// eh salah, yang keempat"): the side or ordinal named after the marker replaces the one named before it, whose
    /// words are left out. Nil when there is no marker or nothing named after it.
    func corrected(_ analysis: Analysis) -> (analysis: Analysis, reading: Reading)? {
        guard let marker = pack.reader.correction(in: analysis.tokens, hashes: analysis.tokenHashes) else { return nil }
        var after = Array(analysis.tokens[marker.upperBound...])
        // "no wait, I meant KOLs": markers one after the other.
        while let again = pack.reader.correction(in: after, hashes: after.map(WordHash.of)), again.lowerBound == 0 {
            after.removeSubrange(again)
        }
        // "eh maksudku influencer, bukan KOL", "maksud saya artinya, bukan singkatannya": what is denied at the end
        // is not asked about.
        if let not = after.firstIndex(where: { $0 == "bukan" || $0 == "not" }), not > 0, not + 1 < after.count,
           after.count - not <= 3 || pack.analyzer.analyze(after[not + 1]).entities.topic != nil {
            after.removeSubrange(not..<(after.count - not <= 3 ? after.count : not + 2))
        }
        let named = pack.analyzer.analyze(after.joined(separator: " ")).entities
        guard named.topic != nil || named.ordinal != nil else { return nil }
        let before = analysis.tokens[..<marker.lowerBound].filter { token in
            let own = pack.analyzer.analyze(token).entities
            return !(named.topic != nil && own.topic != nil || named.ordinal != nil && own.ordinal != nil)
        }
        let text = (before + after).joined(separator: " ")
        let fixed = pack.analyzer.analyze(text)
        return (fixed, scoped(pack.reader.read(fixed, questionMark: true), analysis: fixed, text: text))
    }

    /// Abbreviations whose period ends no sentence ("difference no. 2").
    private static let abbreviations: Set<String> = ["no", "nr", "nomor", "vs", "etc", "eg", "ie", "dll", "dsb", "dst", "tsb", "yth", "sdr"]


    /// Replaces the first reading of `text` with that of the sentences that ask ("Hi, I'm a journalist writing about
    /// influencer marketing. What is a KOL?") and then with the user's correction applied ("apa itu influencer? eh
    /// bukan, maksudku KOL"), where the message has them.
    func refine(_ analysis: inout Analysis, _ reading: inout Reading, text: String) {
        if let asked = askingSentences(of: text) { (analysis, reading) = asked }
        if let fixed = corrected(analysis) { (analysis, reading) = fixed }
    }

    /// False when `text` surely is one sentence (no . ! ? or line break before its last letter): cheap, bytes only.
    static func mayHoldSentences(_ text: String) -> Bool {
        text.withBytes { bytes in
            var separator = false
            for byte in bytes {
                switch byte {
                case 46, 33, 63, 10: separator = true // . ! ? newline
                case 65...90, 97...122, 128...: if separator { return true }
                default: break
                }
            }
            return false
        }
    }

    /// `reading` with the aspect and out-of-scope weight of the clauses that ask something: a clause that
    /// names no side, no difference, asks no question and opens no follow-up only sets the scene ("aku
    /// mahasiswa komunikasi", "aku lagi ngerjain tugas kuliah"), and its words are not what is asked about.
    private func withoutScene(_ reading: Reading, clauses: [Substring]) -> Reading {
        var asking: [Substring] = []
        var askingNamesSide = false, sceneNamesSide = false
        for clause in clauses {
            let own = pack.reader.read(pack.analyzer.analyze(String(clause)), questionMark: false)
            // ("Terkait wilayah pengaruh, apa bedanya ...": a clause naming a strong aspect frames the question;
            // "klien minta kampanyenya pake KOL, emang KOL itu orang yg kayak gimana?": a side beside out-of-scope
            // words in a clause that asks nothing sets the scene.)
            let questions = !own.forms.isDisjoint(with: [.questionWord, .why, .yesNo])
            // ("Apa bedanya nano, micro, dan macro influencer?": a kind of side is what is asked about.)
            let asks = own.qualifiedSide || (questions || own.foreignWeight == 0)
                && (own.entity != nil || own.pronoun || own.singularPronoun || own.aspectIsStrong && own.foreignWeight == 0
                    || !own.forms.isDisjoint(with: [.questionWord, .why, .yesNo, .compareNoun, .followUp, .definition]))
            let side = own.entity != nil || own.pronoun || own.singularPronoun
            if asks {
                asking.append(clause)
                askingNamesSide = askingNamesSide || side || own.aspectIsStrong
            } else {
                sceneNamesSide = sceneNamesSide || own.entity != nil
            }
        }
        // ("gw mau hire influencer buat jualan, hubunginnya lwt mana": what is asked is about the scene's side,
        // out-of-scope words and all.)
        guard !asking.isEmpty, asking.count < clauses.count, askingNamesSide || !sceneNamesSide else { return reading }
        let own = pack.reader.read(pack.analyzer.analyze(asking.joined(separator: ", ")), questionMark: false)
        var reading = reading
        reading.aspect = own.aspect
        reading.aspectWeight = own.aspectWeight
        reading.aspectIsStrong = own.aspectIsStrong
        reading.aspectTied = own.aspectTied
        reading.foreignWeight = own.foreignWeight
        return reading
    }

    /// Of two aspects equally heavy, the one of the last clause that asks ("KOL kan ahli ya, trus dia dapat
    /// kepercayaan dari mana?" asks about trust, not expertise).
    private func questionClauseAspect(of clauses: [Substring], in reading: Reading) -> Reading {
        for clause in clauses.reversed() {
            let own = pack.reader.read(pack.analyzer.analyze(String(clause)), questionMark: false)
            guard own.aspect >= 0, !own.forms.isDisjoint(with: [.questionWord, .why, .yesNo]) else { continue }
            var reading = reading
            reading.aspect = own.aspect
            reading.aspectIsStrong = own.aspectIsStrong
            return reading
        }
        return reading
    }

    /// The byte offset of a "?" that is not the text's last byte, or nil.
    static func innerQuestionMark(_ text: String) -> Int? {
        text.withBytes { bytes in
            guard let offset = bytes.firstIndex(of: 63), offset + 1 < bytes.count else { return nil }
            return offset
        }
    }

    /// False when `text` surely is one clause (no sentence punctuation before its last letter): cheap, bytes only.
    static func mayHoldClauses(_ text: String) -> Bool {
        text.withBytes { bytes in
            var separator = false
            for (offset, byte) in bytes.enumerated() {
                switch byte {
                case 44, 46, 59, 58, 33, 63, 10: separator = true // , . ; : ! ? newline
                case 45: if spacedDash(bytes, at: offset) { separator = true }
                case 65...90, 97...122, 128...: if separator { return true }
                default: break
                }
            }
            return false
        }
    }

    /// The clauses of `text`: the pieces between sentence punctuation (, . ; : ! ? and line breaks) and dashes
    /// with a space on each side ("I'm writing an essay - how does credibility differ?").
    static func clauses(of text: String) -> [Substring] {
        if let clauses = asciiClauses(of: text) { return clauses }
        var pieces: [Substring] = []
        var start = text.startIndex
        var previous: Character = " "
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            let dash = (character == "-" || character == "\u{2013}" || character == "\u{2014}") && previous == " "
                && next < text.endIndex && text[next] == " "
            if ",.;:!?\n".contains(character) || dash {
                pieces.append(text[start..<index])
                start = next
            }
            previous = character
            index = next
        }
        pieces.append(text[start...])
        return pieces.filter { piece in piece.contains { $0.isLetter } }
    }

    /// True when the byte at `offset` of `bytes` is a dash with a space on each side.
    private static func spacedDash(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        offset > 0 && offset + 1 < bytes.count && bytes[offset - 1] == 32 && bytes[offset + 1] == 32
    }

    /// ``clauses(of:)`` by bytes, for ASCII text without carriage returns (where every byte is a character);
    /// nil for other text.
    private static func asciiClauses(of text: String) -> [Substring]? {
        let bounds: [Range<Int>]? = text.withBytes { bytes in
            var bounds: [Range<Int>] = []
            var start = 0
            var letter = false
            for (offset, byte) in bytes.enumerated() {
                switch byte {
                case 13, 128...: return nil
                case 44, 46, 59, 58, 33, 63, 10, 45: // , . ; : ! ? newline, a spaced dash
                    if byte == 45, !spacedDash(bytes, at: offset) { break }
                    if letter { bounds.append(start..<offset) }
                    start = offset + 1
                    letter = false
                case 65...90, 97...122: letter = true
                default: break
                }
            }
            if letter { bounds.append(start..<bytes.count) }
            return bounds
        }
        guard let bounds else { return nil }
        let utf8 = text.utf8
        return bounds.map { bound in
            text[utf8.index(utf8.startIndex, offsetBy: bound.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: bound.upperBound)]
        }
    }

    /// True when `text` names something the pack does not know and could not correct: a capitalised word
    /// inside a sentence ("Is Atta Halilintar a KOL?"), a title before an unknown word ("dr tirta"), or two
    /// unknown words said to be a side ("apakah raffi ahmad itu influencer?").
    func namesSomethingUnknown(_ text: String, tokens: [String]) -> Bool {
        let corrector = pack.analyzer.corrector
        func unknown(_ word: String) -> Bool {
            !corrector.knows(word) && correction(of: word) == nil && pack.analyzer.lexicon.replacements.value(forWord: word) == nil
        }
        if Self.mayHoldInnerCapital(text), capitalisedUnknown(in: text, unknown) { return true }
        // "dr tirta termasuk kol ga": a title before a word the pack never saw, written in lower case.
        // (As the subject: first, or after "apakah"/"is"; "KOL bisa seorang dr. gigi?" names a profession.)
        let reader = pack.reader
        for index in tokens.indices.dropLast() where tokens[index].utf8.count <= 4 && reader.titles.contains(tokens[index])
            && tokens[index + 1].utf8.count >= 3
            && unknown(tokens[index + 1]) && (index == 0 || reader.titleSubjectOpeners.contains(tokens[index - 1])) {
            return true
        }
        return pack.reader.asksAboutUnknownSubject(tokens, isUnknown: unknown)
    }

    /// False when `text` surely has no capitalised word after its first one: ASCII text with no capital letter
    /// after the first word and followed by a lower-case letter. Cheap, bytes only.
    static func mayHoldInnerCapital(_ text: String) -> Bool {
        text.withBytes { bytes in
            var afterFirstWord = false
            var letters = false
            var capital = false
            for byte in bytes {
                if byte >= 128 { return true }
                let isUpper = byte >= 65 && byte <= 90
                let isLower = byte >= 97 && byte <= 122
                if isUpper || isLower {
                    if capital, isLower { return true }
                    capital = afterFirstWord && isUpper && !letters
                    letters = true
                } else {
                    if letters { afterFirstWord = true }
                    letters = false
                    capital = false
                }
            }
            return false
        }
    }

    /// The corrector's repair of `word`, remembered in the engine's memo as the analyser remembers it.
    private func correction(of word: String) -> String? {
        let hash = WordHash.of(word)
        if let remembered = memo.corrections.remembered(word, hash: hash) { return remembered }
        let correction = pack.analyzer.corrector.repair(of: word)
        memo.corrections.remember(correction, for: word, hash: hash)
        return correction
    }

    /// True when a capitalised word (not all capitals: "KOL", "APA SIH") that does not start a sentence is
    /// `unknown`.
    private func capitalisedUnknown(in text: String, _ unknown: (String) -> Bool) -> Bool {
        let titles = pack.reader.titles
        return Self.asciiCapitalisedUnknown(in: text, titles: titles, unknown)
            ?? Self.capitalisedUnknownByCharacters(in: text, titles: titles, unknown)
    }

    /// ``capitalisedUnknown(in:_:)`` character by character (any text).
    /// `titles`: words whose period does not end the sentence ("dr. Tirta").
    static func capitalisedUnknownByCharacters(in text: String, titles: Set<String> = [], _ unknown: (String) -> Bool) -> Bool {
        var sentenceStart = true
        var word = ""
        var capitalised = false
        var lowerAfterFirst = false
        var found = false
        func finish() {
            defer {
                word = ""
                capitalised = false
                lowerAfterFirst = false
            }
            guard !word.isEmpty else { return }
            let wasStart = sentenceStart
            sentenceStart = false
            if !wasStart, capitalised, lowerAfterFirst, word.count >= 2, unknown(word) { found = true }
        }
        for character in text {
            if character.isLetter {
                if word.isEmpty {
                    capitalised = character.isUppercase
                } else if character.isLowercase {
                    lowerAfterFirst = true
                }
                word += character.lowercased()
            } else {
                let last = word
                finish()
                if found { return true }
                // "dr. Tirta": a period after a title does not end the sentence.
                if "!?\n".contains(character) || character == "." && !titles.contains(last) { sentenceStart = true }
            }
        }
        finish()
        return found
    }

    /// True when the bytes spell one of `titles`, in any case.
    private static func isTitle(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, in titles: Set<String>) -> Bool {
        !titles.isEmpty && bytes.count <= 4 && titles.contains(String(decoding: bytes.map { $0 | 0x20 }, as: UTF8.self))
    }

    /// ``capitalisedUnknown(in:_:)`` by bytes, for ASCII text without carriage returns (where every byte is a
    /// character); nil for other text.
    static func asciiCapitalisedUnknown(in text: String, titles: Set<String> = [], _ unknown: (String) -> Bool) -> Bool? {
        text.withBytes { bytes -> Bool? in
            for byte in bytes where byte >= 128 || byte == 13 { return nil }
            var sentenceStart = true
            var start = -1
            var capitalised = false
            var lowerAfterFirst = false
            func finish(at end: Int) -> Bool {
                defer {
                    start = -1
                    capitalised = false
                    lowerAfterFirst = false
                }
                guard start >= 0 else { return false }
                let wasStart = sentenceStart
                sentenceStart = false
                guard !wasStart, capitalised, lowerAfterFirst, end - start >= 2 else { return false }
                return unknown(String(decoding: bytes[start..<end].map { $0 | 0x20 }, as: UTF8.self)) // lower-cased
            }
            for (offset, byte) in bytes.enumerated() {
                let isUpper = byte >= 65 && byte <= 90
                let isLower = byte >= 97 && byte <= 122
                if isUpper || isLower {
                    if start < 0 {
                        start = offset
                        capitalised = isUpper
                    } else if isLower {
                        lowerAfterFirst = true
                    }
                } else {
                    let wordStart = start
                    if finish(at: offset) { return true }
                    // "dr. Tirta": a period after a title does not end the sentence.
                    let afterTitle = byte == 46 && wordStart >= 0 && isTitle(bytes[wordStart..<offset], in: titles)
                    if byte == 46 && !afterTitle || byte == 33 || byte == 63 || byte == 10 { sentenceStart = true } // . ! ? newline
                }
            }
            return finish(at: bytes.count)
        }
    }
}
