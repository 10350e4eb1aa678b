/// Removes what must never travel from input to output: control characters and bidirectional overrides.
enum InputSanitizer {
    /// Replaces control characters (C0, DEL, C1, line separators) with spaces, drops bidirectional
    /// embedding/override/isolate marks and zero-width characters, collapses runs of spaces and trims.
    static func clean(_ text: String) -> String {
        needsCleaning(text) ? slowClean(text) : text
    }

    /// False when `clean` would return `text` unchanged: no control character, no space at either end or
    /// twice in a row, and none of the UTF-8 lead bytes that start the characters it removes or replaces
    /// (C1 controls and U+00A0 after 0xC2, U+061C after 0xD8, U+2028/U+2029, bidirectional and zero-width marks
    /// after 0xE2, U+3000 after 0xE3, U+FEFF after 0xEF). Conservative: a lead byte alone sends the text to
    /// the full check.
    private static func needsCleaning(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last else { return false }
            if first == 0x20 || last == 0x20 { return true }
            var previousSpace = false
            for b in bytes {
                if b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xD8 || b == 0xE2 || b == 0xE3 || b == 0xEF { return true }
                if b == 0x20 {
                    if previousSpace { return true }
                    previousSpace = true
                } else {
                    previousSpace = false
                }
            }
            return false
        }
    }

    /// The full cleaning, character by character (also the reference for the fast check's tests).
    static func slowClean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || v == 0x20 || v == 0x3000 || v == 0xA0 {
                pendingSpace = !out.isEmpty
                continue
            }
            if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F
                || v == 0x061C || (0x200B...0x200D).contains(v) || v == 0xFEFF {
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(scalar)
        }
        return String(out)
    }
}
