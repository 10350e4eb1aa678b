import Foundation
import Testing

/// The Kubernetes manifests carry the knowledge pack the service is tested with.
@Suite struct DeployTests {
    @Test func theManifestsCarryTheCurrentPack() throws {
        let r = try runPython(["Deploy/k8s/generate-intents.py", "--check"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    }

    /// A pack file changed without regenerating the manifests is caught.
    @Test func aStaleConfigMapIsCaught() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("deploy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("Deploy"), withIntermediateDirectories: true)
        try fm.copyItem(at: Kolbot.packageRoot.appendingPathComponent("Deploy/k8s"), to: root.appendingPathComponent("Deploy/k8s"))
        try fm.copyItem(at: Kolbot.packageRoot.appendingPathComponent("Intents"), to: root.appendingPathComponent("Intents"))
        let script = root.appendingPathComponent("Deploy/k8s/generate-intents.py").path
        #expect(try runPython([script, "--check"]).status == 0)
        let intents = root.appendingPathComponent("Intents/intents")
        let file = try #require(try fm.contentsOfDirectory(atPath: intents.path).filter { $0.hasSuffix(".yaml") }.sorted().first)
        try "# new intent file\nintents: []\n".write(to: intents.appendingPathComponent("99-new.yaml"), atomically: true, encoding: .utf8)
        let stale = try runPython([script, "--check"])
        #expect(stale.status != 0)
        #expect(stale.stderr.contains("configmap-intents.yaml") && stale.stderr.contains("deployment.yaml"), "\(stale.stderr)")
        print("stale pack caught (\(file) kept, 99-new.yaml added): \(stale.stderr.trimmingCharacters(in: .whitespacesAndNewlines))")
    }
}
