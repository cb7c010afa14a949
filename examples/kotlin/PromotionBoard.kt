// What the export board's initiatives yielded (SPEC §1.10), for a screen: one row per
// initiative with its leads, contracted value and return per public dollar, the headcounts as
// reported side by side, and each published claim beside the records.
//
// Every figure comes from the core (`initiativeOutcomes`, `claimsReconciled`, `followThrough`);
// the example only picks fields. A ratio the records cannot give (no public cost published, no
// lead closed) is null: show it as "—", never as 0.
//
// Compiled and run on the JVM by bindings/uniffi/test.sh with the generated bindings.

package example

import pkit.Registry

/** One initiative: what it cost and what it yielded. */
data class InitiativeRow(
    val id: String,
    val name: String,
    val startsOn: String,
    val leads: ULong,
    val leadsWon: ULong,
    val contractedUsd: ULong,
    /** Dollars of binding business per public dollar; null when no public cost is published. */
    val returnPerUsd: Double?,
    /** The headcounts as reported ("companies 27 (Minister of IT)"), never added together. */
    val headcounts: List<String>,
)

/** A published claim beside the same measure from the records. */
data class ClaimRow(val id: String, val claimed: ULong, val recorded: Double?, val ratio: Double?)

data class PromotionBoard(
    val initiatives: List<InitiativeRow>,
    val claims: List<ClaimRow>,
    /** The share of MoUs and letters of intent followed by a binding agreement within a year. */
    val followedShare: Double?,
) {
    companion object {
        fun of(registry: Registry): PromotionBoard {
            val records = registry.initiatives().associateBy { it.id }
            val rows = registry.initiativeOutcomes().map { o ->
                val initiative = records.getValue(o.initiativeId)
                InitiativeRow(
                    id = o.initiativeId,
                    name = o.name,
                    startsOn = initiative.startsOn,
                    leads = o.outcome.leads,
                    leadsWon = o.outcome.leadsWon,
                    contractedUsd = o.outcome.contractedValueUsd,
                    returnPerUsd = o.outcome.returnPerUsd,
                    headcounts = initiative.headcounts.map {
                        "${it.metric.name.lowercase()} ${it.value} (${it.reportedBy})"
                    },
                )
            }
            val claims = registry.claimsReconciled().map { ClaimRow(it.claimId, it.claimed, it.recorded, it.ratio) }
            return PromotionBoard(rows, claims, registry.followThrough().share)
        }
    }
}
