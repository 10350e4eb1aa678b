import Testing

@Suite struct HelpTests {
    @Test func helpNamesTheTool() throws {
        let r = try Kolbot.run(["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("kolbot"))
    }
}
