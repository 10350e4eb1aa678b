import Testing
@testable import BotCore

@Test func languageCodesAreTheWireCodes() {
    #expect(Language(rawValue: "id") == .indonesian)
    #expect(Language(rawValue: "en") == .english)
    #expect(Language(rawValue: "fr") == nil)
}
