import Foundation

extension EvaluationReport {
    /// A plain-text report: accuracy, per-intent table, top confusions, out-of-scope scores, misses.
    public func formatted(confusionLimit: Int = 10, missLimit: Int = 30) -> String {
        func percent(_ value: Double) -> String { String(format: "%.3f", value) }
        var lines: [String] = []
        lines.append("turns: \(turns)  cases: \(cases)  multi-turn cases: \(multiTurnCases)")
        lines.append("accuracy: \(percent(accuracy)) (\(correct)/\(turns))")
        if multiTurnCases > 0 {
            lines.append("multi-turn cases fully right: \(percent(Double(multiTurnCorrect) / Double(multiTurnCases))) (\(multiTurnCorrect)/\(multiTurnCases))")
        }
        if languageChecked > 0 {
            lines.append("answer language right: \(percent(Double(languageCorrect) / Double(languageChecked))) (\(languageCorrect)/\(languageChecked))")
        }
        lines.append("confidence: mean \(percent(meanConfidence)), expected calibration error \(percent(calibrationError))")
        lines.append("out-of-scope: precision \(percent(outOfScopePrecision))  recall \(percent(outOfScopeRecall))  (\(outOfScopeTurns) turns)")
        lines.append("")
        let width = max(24, (intents.map(\.intent.count).max() ?? 0) + 2)
        lines.append("intent".padding(toLength: width, withPad: " ", startingAt: 0) + "support  precision  recall  f1")
        for metric in intents {
            lines.append(metric.intent.padding(toLength: width, withPad: " ", startingAt: 0)
                + String(format: "%7d  %9.3f  %6.3f  %.3f", metric.support, metric.precision, metric.recall, metric.f1))
        }
        lines.append("")
        lines.append("most frequent confusions (expected -> answered):")
        if confusions.isEmpty { lines.append("  none") }
        for confusion in confusions.prefix(confusionLimit) {
            lines.append("  \(confusion.count)x \(confusion.expected) -> \(confusion.predicted)")
        }
        if !misses.isEmpty {
            lines.append("")
            lines.append("misses:")
            for miss in misses.prefix(missLimit) {
                lines.append("  \"\(miss.text)\": expected \(miss.expected), answered \(miss.predicted) (\(String(format: "%.2f", miss.confidence)))")
            }
            if misses.count > missLimit { lines.append("  ... \(misses.count - missLimit) more") }
        }
        return lines.joined(separator: "\n")
    }
}
