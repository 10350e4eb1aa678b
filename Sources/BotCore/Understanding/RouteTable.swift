/// The routes of `understanding.yaml`: (entity, aspect, form) to an intent, tried in order.
struct RouteTable: Sendable {
    struct Row: Sendable {
        /// nil: any entity; "none": no entity.
        var entity: String?
        /// nil: any aspect; -1: no aspect.
        var aspect: Int?
        /// Empty: any form.
        var form: QuestionForms
        var intent: Int
    }

    let rows: [Row]

    /// Compiles the rows, checking every aspect, form and intent they name.
    init(spec: [RouteSpec], aspects: [String], intents: [String: Int], topics: [String]) throws {
        var rows: [Row] = []
        for route in spec {
            func problem(_ reason: String) -> PackError { PackError(path: "understanding.yaml", reason: "route to \(route.intent): \(reason)") }
            guard let intent = intents[route.intent] else { throw problem("unknown intent") }
            var row = Row(entity: route.entity, aspect: nil, form: [], intent: intent)
            if let entity = route.entity, entity != "none", !topics.contains(entity) { throw problem("unknown entity \(entity)") }
            if let aspect = route.aspect {
                if aspect == "none" {
                    row.aspect = -1
                } else if let index = aspects.firstIndex(of: aspect) {
                    row.aspect = index
                } else {
                    throw problem("unknown aspect \(aspect)")
                }
            }
            if let form = route.form {
                guard let parsed = QuestionForms(name: form) else { throw problem("unknown form \(form)") }
                row.form = parsed
            }
            rows.append(row)
        }
        self.rows = rows
    }

    /// The intent for `entity` (nil: none named) asked about `aspect` (-1: none) in `forms`. A message that
    /// names no side and matches no `none` row is read as about both sides.
    func intent(entity: String?, aspect: Int, forms: QuestionForms) -> Int? {
        if let found = first(entity ?? "none", aspect, forms) { return found }
        return entity == nil ? first("both", aspect, forms) : nil
    }

    private func first(_ entity: String, _ aspect: Int, _ forms: QuestionForms) -> Int? {
        for row in rows {
            if let wanted = row.entity, wanted != entity { continue }
            if let wanted = row.aspect, wanted != aspect { continue }
            if !row.form.isEmpty, !forms.contains(row.form) { continue }
            return row.intent
        }
        return nil
    }
}
