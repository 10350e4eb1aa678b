#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Appends JSON tokens to a byte buffer. Strings are escaped on their UTF-8 bytes: runs that need no escape
/// are copied whole, so a long answer text costs little more than a copy.
struct JSONWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends `s` as it is (for JSON punctuation and literals that need no escaping).
    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends already-encoded JSON bytes.
    mutating func raw(_ encoded: [UInt8]) { bytes.append(contentsOf: encoded) }

    /// Appends `s` as a JSON string.
    mutating func string(_ s: String) {
        if s.utf8.withContiguousStorageIfAvailable({ string(utf8: $0) }) == nil {
            var copy = s
            copy.withUTF8 { string(utf8: $0) }
        }
    }

    /// Appends UTF-8 bytes as a JSON string.
    mutating func string(utf8 input: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        guard let base = input.baseAddress else {
            bytes.append(UInt8(ascii: "\""))
            return
        }
        let n = input.count
        var start = 0
        var i = 0
        while i < n {
            // Eight bytes at a time while none of them needs an escape.
            while i + 8 <= n, Self.isPlain(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) { i += 8 }
            guard i < n else { break }
            let b = input[i]
            // Everything at or above 0x20 except '"', '\\' and DEL passes unchanged (multi-byte UTF-8 included).
            if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0x7F {
                i += 1
                continue
            }
            if i > start { bytes.append(contentsOf: UnsafeBufferPointer(start: base + start, count: i - start)) }
            appendEscape(b)
            i += 1
            start = i
        }
        if n > start { bytes.append(contentsOf: UnsafeBufferPointer(start: base + start, count: n - start)) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// True when none of the eight bytes of `word` is a control character, '"', '\\' or DEL (word-at-a-time
    /// tests: a byte below 0x20 sets its high bit in `(w - 0x20…) & ~w`, a zero byte of `w ^ c…` marks a byte `c`).
    @inline(__always)
    private static func isPlain(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func has(_ c: UInt64) -> UInt64 {
            let x = w ^ (ones &* c)
            return (x &- ones) & ~x & highs
        }
        let control = (w &- ones &* 0x20) & ~w & highs
        return (control | has(0x22) | has(0x5C) | has(0x7F)) == 0
    }

    private mutating func appendEscape(_ b: UInt8) {
        switch b {
        case 0x22: bytes.append(0x5C); bytes.append(0x22)
        case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
        case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
        default:
            bytes.append(0x5C); bytes.append(UInt8(ascii: "u")); bytes.append(UInt8(ascii: "0")); bytes.append(UInt8(ascii: "0"))
            bytes.append(hexDigit(b >> 4)); bytes.append(hexDigit(b & 0xF))
        }
    }

    /// A non-negative integer.
    mutating func integer(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")); integer(value == .min ? .max : -value); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var v = value
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                count += 1
            } while v > 0
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    /// A number in 0...1 with three decimals.
    mutating func confidence(_ value: Double) {
        let v = value.isFinite ? min(max(value, 0), 1) : 0
        let thousandths = Int((v * 1000).rounded())
        if thousandths == 1000 { raw("1.0"); return }
        bytes.append(UInt8(ascii: "0")); bytes.append(UInt8(ascii: "."))
        bytes.append(UInt8(ascii: "0") + UInt8(thousandths / 100))
        bytes.append(UInt8(ascii: "0") + UInt8(thousandths / 10 % 10))
        bytes.append(UInt8(ascii: "0") + UInt8(thousandths % 10))
    }

    /// A JSON string holding the RFC 3339 UTC time of `milliseconds` since the epoch, e.g. `"2026-11-27T03:34:11.123Z"`.
    mutating func timestamp(milliseconds: Int64) {
        var second = TimestampSecond()
        timestamp(milliseconds: milliseconds, second: &second)
    }

    /// The same, reusing `second`'s formatted date and time while the second is the same (a clock's calls
    /// mostly fall in the same second: the calendar arithmetic is then skipped).
    mutating func timestamp(milliseconds: Int64, second: inout TimestampSecond) {
        let seconds = milliseconds / 1000
        if second.seconds != seconds {
            var t = time_t(seconds)
            var parts = tm()
            gmtime_r(&t, &parts)
            var w = JSONWriter(capacity: 20)
            w.digits(Int(parts.tm_year) + 1900, 4); w.bytes.append(UInt8(ascii: "-"))
            w.digits(Int(parts.tm_mon) + 1, 2); w.bytes.append(UInt8(ascii: "-"))
            w.digits(Int(parts.tm_mday), 2); w.bytes.append(UInt8(ascii: "T"))
            w.digits(Int(parts.tm_hour), 2); w.bytes.append(UInt8(ascii: ":"))
            w.digits(Int(parts.tm_min), 2); w.bytes.append(UInt8(ascii: ":"))
            w.digits(Int(parts.tm_sec), 2)
            second = TimestampSecond(seconds: seconds, text: w.bytes)
        }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: second.text)
        bytes.append(UInt8(ascii: "."))
        digits(Int(milliseconds % 1000), 3)
        bytes.append(UInt8(ascii: "Z"))
        bytes.append(UInt8(ascii: "\""))
    }

    /// `value` as exactly `width` decimal digits (zero-padded; 0 <= value < 10^width).
    private mutating func digits(_ value: Int, _ width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var v = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(v / divisor % 10))
            v %= divisor
            divisor /= 10
        }
    }
}

/// A formatted UTC second (`2026-11-27T03:34:11`), kept by ``JSONWriter/timestamp(milliseconds:second:)``.
struct TimestampSecond {
    var seconds: Int64 = .min
    var text: [UInt8] = []
}

private func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? UInt8(ascii: "0") + v : UInt8(ascii: "a") + v - 10 }

/// JSON text for other modules (log lines, HTTP responses): the project's one string escaper.
public enum JSONText {
    /// `s` as a JSON string literal, quotes included (quotes, backslashes and control characters escaped).
    public static func quoted(_ s: String) -> String {
        var w = JSONWriter(capacity: s.utf8.count + 2)
        w.string(s)
        return String(decoding: w.bytes, as: UTF8.self)
    }
}

/// RFC 3339 in UTC with milliseconds, e.g. `2026-11-27T03:34:11.123Z`.
public func rfc3339(milliseconds: Int64) -> String {
    var w = JSONWriter(capacity: 26)
    w.timestamp(milliseconds: milliseconds)
    return String(decoding: w.bytes.dropFirst().dropLast(), as: UTF8.self)
}

/// Milliseconds since the epoch, from the system clock.
public func currentTimeMs() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
}
