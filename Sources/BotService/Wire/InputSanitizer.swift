/// Removes what must never travel from input to output: control characters and bidirectional overrides.
enum InputSanitizer {
    /// Replaces control characters (C0, DEL, C1, line separators) with spaces, drops bidirectional
    /// embedding/override/isolate marks and zero-width characters, collapses runs of spaces and trims.
    static func clean(_ text: String) -> String {
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
