/// The article site's navigation, which answers must never contain.
public enum NavigationText {
    /// Markers of navigation text (compared case-insensitively).
    public static let markers = [
        "baca juga", "bagikan berita ini", "kantamedia channel", "youtube video", "kantamedia.com",
        "media sosial dinilai potensial", "warga sorong", "maxy academy", "bsi",
    ]

    /// True when `text` contains any navigation marker as a whole word sequence.
    public static func contains(in text: String) -> Bool {
        let words = " " + TextCleaner.tokens(text).joined(separator: " ") + " "
        return markers.contains { words.contains(" " + TextCleaner.tokens($0).joined(separator: " ") + " ") }
    }
}
