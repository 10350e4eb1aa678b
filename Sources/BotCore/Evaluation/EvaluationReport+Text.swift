import Foundation

extension EvaluationReport {
    /// A plain-text report: accuracy by turns and by conversations, multi-turn conversations, verdicts,
    /// out-of-scope scores, per-file accuracy, per-intent table, top confusions, misses.
    public func formatted(confusionLimit: Int = 10, missLimit: Int = 30) -> String {
        func percent(_ value: Double) -> String { String(format: "%.3f", value) }
        var lines: [String] = []
        lines.append("turns: \(turns)  cases: \(cases)  multi-turn cases: \(multiTurnCases)")
        lines.append("accuracy: \(percent(accuracy)) (\(correct)/\(turns))")
        lines.append("conversations fully right: \(percent(caseAccuracy)) (\(casesCorrect)/\(cases))")
        if multiTurnCases > 0 {
            lines.append("multi-turn cases fully right: \(percent(Double(multiTurnCorrect) / Double(multiTurnCases))) (\(multiTurnCorrect)/\(multiTurnCases))")
        }
        if languageChecked > 0 {
            lines.append("answer language right: \(percent(Double(languageCorrect) / Double(languageChecked))) (\(languageCorrect)/\(languageChecked))")
        }
        if polarityChecked > 0 {
            lines.append("yes/no verdict right: \(percent(Double(polarityCorrect) / Double(polarityChecked))) (\(polarityCorrect)/\(polarityChecked))")
        }
        lines.append("confidence: mean \(percent(meanConfidence)), expected calibration error \(percent(calibrationError))")
        lines.append("out-of-scope: precision \(percent(outOfScopePrecision))  recall \(percent(outOfScopeRecall))  (\(outOfScopeTurns) turns)")
        if files.count > 1 {
            lines.append("")
            lines.append("per file:")
            let nameWidth = max(24, (files.map { ($0.file as NSString).lastPathComponent.count }.max() ?? 0) + 2)
            for file in files {
                let name = (file.file as NSString).lastPathComponent
                lines.append("  " + name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
                    + String(format: "turns %.3f (%d/%d)  conversations %.3f (%d/%d)",
                             file.turns == 0 ? 0 : Double(file.correct) / Double(file.turns), file.correct, file.turns,
                             file.cases == 0 ? 0 : Double(file.casesCorrect) / Double(file.cases), file.casesCorrect, file.cases))
            }
        }
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
