// What the export board's initiatives yielded (SPEC §1.10), for a screen: the Swift mirror of
// examples/kotlin/PromotionBoard.kt (same names; Kotlin's `List` is `[T]`, `ULong` is `UInt64`,
// `Double?` is `Double?`).
//
// NOT COMPILED HERE: there is no Swift compiler on our machines; the Kotlin file is compiled
// and tested.
//
// Every figure comes from the core; a ratio the records cannot give is nil: show "—", not 0.

import Pkit

/// One initiative: what it cost and what it yielded.
struct InitiativeRow {
    let id: String
    let name: String
    let startsOn: String  // YYYY-MM-DD
    let leads: UInt64
    let leadsWon: UInt64
    let contractedUsd: UInt64
    /// Dollars of binding business per public dollar; nil when no public cost is published.
    let returnPerUsd: Double?
    /// The headcounts as reported, never added together.
    let headcounts: [String]
}

/// A published claim beside the same measure from the records.
struct ClaimRow {
    let id: String
    let claimed: UInt64
    let recorded: Double?
    let ratio: Double?
}

struct PromotionBoard {
    let initiatives: [InitiativeRow]
    let claims: [ClaimRow]
    /// The share of MoUs and letters of intent followed by a binding agreement within a year.
    let followedShare: Double?

    init(registry: Registry) {
        let records = Dictionary(uniqueKeysWithValues: registry.initiatives().map { ($0.id, $0) })
        initiatives = registry.initiativeOutcomes().map { o in
            let initiative = records[o.initiativeId]
            return InitiativeRow(
                id: o.initiativeId,
                name: o.name,
                startsOn: initiative?.startsOn ?? "",
                leads: o.outcome.leads,
                leadsWon: o.outcome.leadsWon,
                contractedUsd: o.outcome.contractedValueUsd,
                returnPerUsd: o.outcome.returnPerUsd,
                headcounts: (initiative?.headcounts ?? []).map {
                    "\($0.metric) \($0.value) (\($0.reportedBy))"
                }
            )
        }
        claims = registry.claimsReconciled().map {
            ClaimRow(id: $0.claimId, claimed: $0.claimed, recorded: $0.recorded, ratio: $0.ratio)
        }
        followedShare = registry.followThrough().share
    }
}
