/// A small validating JSON reader over UTF-8 bytes, used for question values.
///
/// It reads the top-level object's members one by one, decodes strings, and skips (while validating) any other
/// value, reporting its byte range so it can be echoed verbatim. Nesting deeper than `maxDepth` is an error,
/// so hostile input cannot exhaust the stack.
struct JSONScanner {
    enum Failure: Error, Equatable {
        case syntax(String)
        case tooDeep
    }

    enum Kind: Equatable { case object, array, string, number, bool, null }

    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var index = 0
    let maxDepth: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int = 64) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    // MARK: Top level

    /// Reads a top-level object, calling `member` with each key; `member` must consume the value
    /// (``readString()`` or ``skipValue()``). Nothing may follow the object.
    mutating func readObject(_ member: (String, inout JSONScanner) throws -> Void) throws {
        try readMembers(member)
        try expectEnd()
    }

    /// Reads the object at the current position, calling `member` with each key as ``readObject(_:)`` does.
    mutating func readMembers(_ member: (String, inout JSONScanner) throws -> Void) throws {
        skipWhitespace()
        try expect(UInt8(ascii: "{"))
        skipWhitespace()
        if peek() == UInt8(ascii: "}") { index += 1; return }
        while true {
            skipWhitespace()
            let key = try readString()
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            try member(key, &self)
            skipWhitespace()
            guard let c = next() else { throw Failure.syntax("unterminated object") }
            if c == UInt8(ascii: "}") { return }
            if c != UInt8(ascii: ",") { throw Failure.syntax("expected ',' or '}' at byte \(index - 1)") }
        }
    }

    /// The kind of the next value (whitespace skipped).
    mutating func peekKind() throws -> Kind {
        skipWhitespace()
        guard let c = peek() else { throw Failure.syntax("unexpected end") }
        switch c {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        default: throw Failure.syntax("unexpected character at byte \(index)")
        }
    }

    /// Reads `true` or `false`.
    mutating func readBool() throws -> Bool {
        skipWhitespace()
        if try literal("true") { return true }
        if try literal("false") { return false }
        throw Failure.syntax("expected true or false at byte \(index)")
    }

    /// Reads an array of strings.
    mutating func readStringArray() throws -> [String] {
        skipWhitespace()
        try expect(UInt8(ascii: "["))
        skipWhitespace()
        var result: [String] = []
        if peek() == UInt8(ascii: "]") { index += 1; return result }
        while true {
            result.append(try readString())
            skipWhitespace()
            guard let c = next() else { throw Failure.syntax("unterminated array") }
            if c == UInt8(ascii: "]") { return result }
            if c != UInt8(ascii: ",") { throw Failure.syntax("expected ',' or ']' at byte \(index - 1)") }
        }
    }

    /// Skips one value, validating it; returns its byte range.
    @discardableResult
    mutating func skipValue() throws -> Range<Int> {
        skipWhitespace()
        let start = index
        try skip(depth: 0)
        return start..<index
    }

    // MARK: Values

    private mutating func skip(depth: Int) throws {
        guard depth < maxDepth else { throw Failure.tooDeep }
        switch try peekKind() {
        case .object:
            index += 1
            skipWhitespace()
            if peek() == UInt8(ascii: "}") { index += 1; return }
            while true {
                skipWhitespace()
                _ = try readString()
                skipWhitespace()
                try expect(UInt8(ascii: ":"))
                try skip(depth: depth + 1)
                skipWhitespace()
                guard let c = next() else { throw Failure.syntax("unterminated object") }
                if c == UInt8(ascii: "}") { return }
                if c != UInt8(ascii: ",") { throw Failure.syntax("expected ',' or '}' at byte \(index - 1)") }
            }
        case .array:
            index += 1
            skipWhitespace()
            if peek() == UInt8(ascii: "]") { index += 1; return }
            while true {
                try skip(depth: depth + 1)
                skipWhitespace()
                guard let c = next() else { throw Failure.syntax("unterminated array") }
                if c == UInt8(ascii: "]") { return }
                if c != UInt8(ascii: ",") { throw Failure.syntax("expected ',' or ']' at byte \(index - 1)") }
            }
        case .string: _ = try readString()
        case .number: try skipNumber()
        case .bool:
            let ok = try literal("true") || literal("false")
            if !ok { throw Failure.syntax("invalid literal at byte \(index)") }
        case .null:
            if !(try literal("null")) { throw Failure.syntax("invalid literal at byte \(index)") }
        }
    }

    private mutating func literal(_ word: StaticString) throws -> Bool {
        let n = word.utf8CodeUnitCount
        guard index + n <= bytes.count else { return false }
        for i in 0..<n where bytes[index + i] != word.utf8Start[i] { return false }
        index += n
        return true
    }

    private mutating func skipNumber() throws {
        let start = index
        if peek() == UInt8(ascii: "-") { index += 1 }
        var digits = 0
        while let c = peek(), c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") { index += 1; digits += 1 }
        guard digits > 0 else { throw Failure.syntax("invalid number at byte \(start)") }
        if peek() == UInt8(ascii: ".") {
            index += 1
            var frac = 0
            while let c = peek(), c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") { index += 1; frac += 1 }
            guard frac > 0 else { throw Failure.syntax("invalid number at byte \(start)") }
        }
        if let c = peek(), c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            index += 1
            if let s = peek(), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { index += 1 }
            var exp = 0
            while let c = peek(), c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") { index += 1; exp += 1 }
            guard exp > 0 else { throw Failure.syntax("invalid number at byte \(start)") }
        }
    }

    /// Reads a string value, decoding escapes. The input must already be valid UTF-8.
    mutating func readString() throws -> String {
        skipWhitespace()
        try expect(UInt8(ascii: "\""))
        let start = index
        // Fast path: no escapes.
        while let c = peek(), c != UInt8(ascii: "\""), c != UInt8(ascii: "\\") {
            if c < 0x20 { throw Failure.syntax("control character in string at byte \(index)") }
            index += 1
        }
        if peek() == UInt8(ascii: "\"") {
            let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            index += 1
            return s
        }
        var out: [UInt8] = Array(bytes[start..<index])
        while true {
            guard let c = next() else { throw Failure.syntax("unterminated string") }
            if c == UInt8(ascii: "\"") { break }
            if c < 0x20 { throw Failure.syntax("control character in string at byte \(index - 1)") }
            if c != UInt8(ascii: "\\") { out.append(c); continue }
            guard let e = next() else { throw Failure.syntax("unterminated escape") }
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    // A high surrogate must be followed by a low one.
                    if try literal("\\u") {
                        let low = try hex4()
                        if (0xDC00...0xDFFF).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else { scalar = 0xFFFD }
                    } else { scalar = 0xFFFD }
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    scalar = 0xFFFD
                }
                out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
            default: throw Failure.syntax("invalid escape at byte \(index - 1)")
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw Failure.syntax("short \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[index]
            index += 1
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw Failure.syntax("invalid \\u escape")
            }
            v = v << 4 | d
        }
        return v
    }

    // MARK: Bytes

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func next() -> UInt8? {
        guard index < bytes.count else { return nil }
        defer { index += 1 }
        return bytes[index]
    }

    private mutating func expect(_ c: UInt8) throws {
        guard next() == c else { throw Failure.syntax("expected '\(Character(Unicode.Scalar(c)))' at byte \(max(index - 1, 0))") }
    }

    private mutating func skipWhitespace() {
        while let c = peek(), c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { index += 1 }
    }

    private mutating func expectEnd() throws {
        skipWhitespace()
        if index != bytes.count { throw Failure.syntax("trailing data at byte \(index)") }
    }
}
