// The JVM tests of the promotion records and analytics (SPEC §1.10) through the Kotlin
// bindings, called from PkitTests.kt's main (they share its `check` and `eq`). The values are
// the ones crates/pkit/tests/promotion.rs and docs/promotion.md assert on the built-in sample.

import example.PromotionBoard
import pkit.*

/** A ratio the core computed: present, and within 1e-9 of its size of [expected]. */
fun near(name: String, actual: Double?, expected: Double) =
    check(name, actual != null && Math.abs(actual - expected) <= 1e-9 * maxOf(1.0, Math.abs(expected))) {
        "\n  expected $expected\n  got      $actual"
    }

fun promotionRecords() {
    Registry.sample().use { s ->
        val initiatives = s.initiatives()
        eq(
            "initiatives",
            initiatives.map { it.id },
            listOf(
                "leap-2022", "gitex-global-2022", "leap-2023", "gitex-global-2023", "leap-2024",
                "london-tech-week-2024", "gitex-global-2024", "pak-us-tech-investment-2024",
                "gitex-europe-2025", "gitex-global-2025",
            ),
        )
        eq("participants", initiatives.sumOf { it.participants.size }, 44)
        eq("headcounts", initiatives.sumOf { it.headcounts.size }, 17)
        eq("initiatives() is stable", s.initiatives(), initiatives)

        val leap = s.initiative("leap-2022")!!
        eq(
            "initiative fields",
            listOf(leap.kind, leap.hostEvent, leap.organisedBy.isNotEmpty(), leap.country, leap.city, leap.startsOn, leap.endsOn, leap.status),
            listOf(InitiativeKind.PAVILION, "LEAP 2022", true, "SA", "Riyadh", "2022-02-01", "2022-02-03", InitiativeStatus.HELD),
        )
        eq("initiative without a public cost", leap.publicCostUsd, null)
        eq("initiative fiscal year (computed)", leap.fiscalYear, 2021)
        eq("attribution window (computed)", Pair(leap.attributionFirstDay, leap.attributionLastDay), Pair("2022-01-02", "2022-05-04"))
        eq(
            "participants of leap-2022",
            leap.participants.map { Triple(it.company, it.role, it.subsidyUsd) },
            listOf(
                Triple("chenab-data-systems", ParticipantRole.SPONSOR, null),
                Triple("margalla-secureware", ParticipantRole.EXHIBITOR, 6_000uL),
                Triple("sufi-cloudgate", ParticipantRole.EXHIBITOR, 6_000uL), // the default role
                Triple("takht-commerce-partners", ParticipantRole.DELEGATE, 1_500uL),
            ),
        )
        val leap23 = s.initiative("leap-2023")!!
        eq("public cost", leap23.publicCostUsd, 350_000uL)
        eq("target markets", leap23.targetMarkets, listOf("SA", "AE", "QA"))
        eq(
            "headcounts side by side",
            leap23.headcounts.filter { it.metric == HeadcountMetric.COMPANIES }.map { Pair(it.value, it.reportedBy) },
            listOf(Pair(18uL, "Pakistan trade mission (via Arab News)"), Pair(150uL, "P@SHA (via ProPakistani)")),
        )
        eq("a headcount's source", leap23.headcounts[0].source?.publisher?.isNotEmpty(), true)
        val stanford = s.initiative("pak-us-tech-investment-2024")!!
        eq(
            "not a pavilion",
            Triple(stanford.kind, stanford.hostEvent, stanford.fiscalYear),
            Triple(InitiativeKind.INVESTMENT_CONFERENCE, null, 2024),
        )
        eq("gitex-global-2025 fiscal year", s.initiative("gitex-global-2025")?.fiscalYear, 2025)
        eq("unknown initiative", s.initiative("no-such-initiative"), null)

        val companies = s.companies()
        eq("leads", companies.sumOf { it.leads.size }, 39)
        eq("agreements", companies.sumOf { it.agreements.size }, 25)
        val indus = s.company("indus-byteworks")!!
        val lead = indus.leads[0]
        eq(
            "a lead's fields",
            listOf(lead.id, lead.counterparty, lead.counterpartyCountry, lead.identifiedOn, lead.initiative, lead.estimatedValueUsd, lead.service, lead.stage, lead.closedOn),
            listOf("al-noor-retail", "Al Noor Retail Group (fictional)", "AE", "2022-10-12", "gitex-global-2022", 850_000uL, ExportService.COMPUTER_SERVICES, LeadStage.WON, "2023-01-20"),
        )
        val open = indus.leads.first { it.id == "desert-rose-hospitality" }
        eq("a lead's default stage", Pair(open.stage, open.closedOn), Pair(LeadStage.OPEN, null))
        eq("a lead credited to nothing", indus.leads.first { it.id == "lakeshore-credit-union" }.initiative, null)
        val contract = indus.agreements[0]
        eq(
            "an agreement's fields",
            listOf(contract.id, contract.kind, contract.counterparty, contract.counterpartyCountry, contract.signedOn, contract.initiative, contract.lead, contract.valueUsd, contract.service, contract.durationMonths, contract.status, contract.binding),
            listOf("al-noor-retail-contract", AgreementKind.CONTRACT, "Al Noor Retail Group (fictional)", "AE", "2023-01-25", "gitex-global-2022", "al-noor-retail", 820_000uL, ExportService.COMPUTER_SERVICES, 24.toUByte(), AgreementStatus.COMPLETED, true),
        )
        eq("an agreement's default status", indus.agreements[1].status, AgreementStatus.ACTIVE)
        val agreements = companies.flatMap { it.agreements }
        eq("every agreement kind occurs", agreements.map { it.kind }.toSet(), AgreementKind.values().toSet())
        val mou = agreements.first { it.id == "gulf-meridian-mou" }
        eq("an MoU", Triple(mou.kind, mou.binding, mou.valueUsd), Triple(AgreementKind.MOU, false, null))
        eq(
            "binding is false exactly for MoUs and letters of intent",
            agreements.filter { !it.binding }.map { it.kind }.toSet(),
            setOf(AgreementKind.MOU, AgreementKind.LETTER_OF_INTENT),
        )
        val jv = agreements.first { it.id == "rotterdam-devops-jv" }
        eq("a joint venture", Pair(jv.kind, jv.binding), Pair(AgreementKind.JOINT_VENTURE, true))
        eq("a terminated agreement", agreements.first { it.id == "maple-leaf-contract" }.status, AgreementStatus.TERMINATED)

        val jeddah = s.company("seaview-fintech")!!.offices.first { it.city == "Jeddah" }
        eq("an office's initiative", Triple(jeddah.country, jeddah.openedOn, jeddah.initiative), Triple("SA", "2024-06-09", "leap-2024"))
        eq("offices credited", companies.flatMap { it.offices }.count { it.initiative != null }, 4)
        eq("offices credited to nothing", indus.offices.isNotEmpty() && indus.offices.all { it.initiative == null }, true)

        val claims = s.claims()
        eq(
            "claims",
            claims.map { Triple(it.id, it.metric, it.value) },
            listOf(
                Triple("gitex-2023-return", ClaimMetric.RETURN_PER_USD, 40uL),
                Triple("leap-2023-lead-value", ClaimMetric.LEAD_VALUE_USD, 100_000_000uL),
            ),
        )
        val claim = claims[0]
        eq(
            "a claim's fields",
            listOf(claim.initiative, claim.period, claim.claimedBy, claim.claimedOn, claim.source.publisher, claim.note?.isNotEmpty()),
            listOf("gitex-global-2023", null, "PSEB acting CEO", null, "TechJuice", true),
        )
    }
}

fun promotionAnalytics() {
    Registry.sample().use { s ->
        val outcomes = s.initiativeOutcomes()
        eq("initiative outcomes", outcomes.size, 10)
        eq("outcomes in document order", outcomes.map { it.initiativeId }, s.initiatives().map { it.id })
        val first = outcomes[0]
        eq(
            "outcome header",
            listOf(first.initiativeId, first.kind, first.status, first.fiscalYear, first.country),
            listOf("leap-2022", InitiativeKind.PAVILION, InitiativeStatus.HELD, 2021, "SA"),
        )
        eq(
            "no public cost: no cost ratios",
            listOf(first.outcome.publicCostUsd, first.outcome.costPerLead, first.outcome.costPerBindingAgreement, first.outcome.returnPerUsd),
            listOf(null, null, null, null),
        )
        near("leap-2022 conversion", first.outcome.conversion, 0.6666666666666666)
        val gitex = outcomes.first { it.initiativeId == "gitex-global-2023" }.outcome
        eq(
            "gitex-global-2023 counts",
            listOf(gitex.participants, gitex.subsidyUsd, gitex.publicCostUsd, gitex.leads, gitex.leadValueUsd, gitex.leadsOpen, gitex.leadsWon, gitex.leadsLost),
            listOf(8uL, 55_000uL, 600_000uL, 8uL, 4_840_000uL, 1uL, 4uL, 3uL),
        )
        eq(
            "gitex-global-2023 agreements",
            listOf(gitex.bindingAgreements, gitex.contractedValueUsd, gitex.nonBindingAgreements, gitex.offices),
            listOf(4uL, 1_295_000uL, 2uL, 2uL),
        )
        near("gitex-global-2023 conversion", gitex.conversion, 0.5714285714285714)
        near("gitex-global-2023 cost per lead", gitex.costPerLead, 75_000.0)
        near("gitex-global-2023 cost per binding agreement", gitex.costPerBindingAgreement, 150_000.0)
        near("gitex-global-2023 return per usd", gitex.returnPerUsd, 2.158333333333333)
        check("gitex-global-2023 return per usd ≈ 2.158333", Math.abs((gitex.returnPerUsd ?: 0.0) - 2.158333) < 1e-6) { "${gitex.returnPerUsd}" }
        val europe = outcomes.first { it.initiativeId == "gitex-europe-2025" }.outcome
        eq("nothing closed: no conversion", Pair(europe.leads, europe.conversion), Pair(0uL, null))

        val years = s.outcomesByFiscalYear()
        eq("by fiscal year", years.map { it.label }, listOf("FY2021-22", "FY2022-23", "FY2023-24", "FY2024-25", "FY2025-26"))
        val fy23 = years[1]
        eq(
            "FY2022-23",
            listOf(fy23.initiatives, fy23.outcome.leads, fy23.outcome.contractedValueUsd, fy23.outcome.publicCostUsd),
            listOf(listOf("gitex-global-2022", "leap-2023"), 7uL, 6_960_000uL, 750_000uL),
        )
        near("FY2022-23 return", fy23.outcome.returnPerUsd, 9.28)
        val fy24 = years[2]
        eq("FY2023-24 cost of its costed initiatives", Pair(fy24.outcome.leads, fy24.outcome.publicCostUsd), Pair(16uL, 850_000uL))
        near("FY2023-24 cost per lead", fy24.outcome.costPerLead, 77_272.72727272728)
        near("FY2023-24 return", fy24.outcome.returnPerUsd, 2.876470588235294)

        val hosts = s.outcomesByHostCountry()
        eq("by host country", hosts.map { it.label }, listOf("SA", "AE", "GB", "US", "DE"))
        eq(
            "SA",
            Pair(hosts[0].initiatives, hosts[0].outcome.contractedValueUsd),
            Pair(listOf("leap-2022", "leap-2023", "leap-2024"), 10_310_000uL),
        )
        near("SA return", hosts[0].outcome.returnPerUsd, 16.17142857142857)
        eq("AE", Pair(hosts[1].outcome.leads, hosts[1].outcome.publicCostUsd), Pair(19uL, 1_650_000uL))
        near("AE cost per lead", hosts[1].outcome.costPerLead, 103_125.0)

        val markets = s.outcomesByCounterpartyCountry()
        eq("counterparty countries", markets.size, 11)
        eq(
            "first markets",
            markets.take(3).map { Triple(it.country, it.leads, it.contractedValueUsd) },
            listOf(Triple("SA", 11uL, 10_310_000uL), Triple("AE", 12uL, 2_060_000uL), Triple("GB", 3uL, 1_150_000uL)),
        )
        val sa = markets[0]
        eq(
            "SA market",
            listOf(sa.leadValueUsd, sa.leadsOpen, sa.leadsWon, sa.leadsLost, sa.bindingAgreements, sa.nonBindingAgreements),
            listOf(14_320_000uL, 3uL, 6uL, 2uL, 5uL, 2uL),
        )
        near("SA conversion", sa.conversion, 0.75)
        eq("JO: nothing closed", markets.first { it.country == "JO" }.conversion, null)
        eq("BH: lost only", markets.first { it.country == "BH" }.conversion, 0.0)

        val follow = s.followThrough()
        eq("follow-through", Triple(follow.total, follow.followed, follow.pending), Triple(9uL, 4uL, 1uL))
        eq("follow-through share", follow.share, 0.5)
        eq("follow-ups", follow.agreements.size, 9)
        val riyadh = follow.agreements.first { it.agreementId == "riyadh-payments-mou" }
        eq(
            "a follow-up",
            listOf(riyadh.companyId, riyadh.kind, riyadh.counterpartyCountry, riyadh.signedOn, riyadh.initiative, riyadh.state, riyadh.followedBy),
            listOf("seaview-fintech", AgreementKind.MOU, "SA", "2023-02-08", "leap-2023", FollowUpState.FOLLOWED, listOf("riyadh-payments-contract")),
        )
        eq(
            "pending",
            follow.agreements.filter { it.state == FollowUpState.PENDING }.map { Pair(it.agreementId, it.kind) },
            listOf(Pair("gulf-arcade-loi", AgreementKind.LETTER_OF_INTENT)),
        )
        eq("not followed", follow.agreements.count { it.state == FollowUpState.NOT_FOLLOWED }, 4)
        val bergen = follow.agreements.first { it.agreementId == "bergen-offshore-mou" }
        eq("an uncredited MoU counts", Pair(bergen.initiative, bergen.state), Pair(null, FollowUpState.FOLLOWED))

        val growth = s.participationGrowth()
        eq("participation growth rows", growth.size, 9)
        eq(
            "initiatives with participants",
            growth.map { it.initiativeId },
            s.initiatives().filter { it.participants.isNotEmpty() }.map { it.id },
        )
        val g = growth[0]
        eq(
            "leap-2022 participants",
            listOf<Any>(g.initiativeId, g.fiscalYear, g.participants.members, g.participants.measured, g.participants.fromUsd, g.participants.toUsd),
            listOf<Any>("leap-2022", 2021, 4uL, 4uL, 65_232_000uL, 72_370_000uL),
        )
        near("leap-2022 participants' growth", g.participants.growth, 0.10942482217316662)
        eq(
            "leap-2022 others",
            listOf(g.nonParticipants.members, g.nonParticipants.measured, g.nonParticipants.fromUsd, g.nonParticipants.toUsd),
            listOf(24uL, 20uL, 91_071_000uL, 105_405_000uL),
        )
        near("leap-2022 others' growth", g.nonParticipants.growth, 0.15739368185262048)
        near("leap-2023 participants' growth", growth[2].participants.growth, -0.0004436378302077326)
        eq(
            "FY2024-25 on: nobody measured",
            growth.filter { it.fiscalYear >= 2024 }.map { Triple(it.participants.measured, it.participants.growth, it.nonParticipants.growth) },
            List(3) { Triple(0uL, null, null) },
        )

        val checks = s.claimsReconciled()
        eq("claims reconciled", checks.map { it.claimId }, listOf("gitex-2023-return", "leap-2023-lead-value"))
        val ret = checks[0]
        eq(
            "return claim",
            listOf(ret.metric, ret.initiative, ret.period, ret.claimedBy, ret.claimed),
            listOf(ClaimMetric.RETURN_PER_USD, "gitex-global-2023", null, "PSEB acting CEO", 40uL),
        )
        near("return recorded", ret.recorded, 2.158333333333333)
        near("return ratio", ret.ratio, 18.532818532818535)
        val lv = checks[1]
        eq(
            "lead value claim",
            listOf(lv.metric, lv.initiative, lv.claimedBy, lv.claimed, lv.recorded),
            listOf(ClaimMetric.LEAD_VALUE_USD, "leap-2023", "The Diplomat", 100_000_000uL, 3_900_000.0),
        )
        near("lead value ratio", lv.ratio, 25.641025641025642)
        check("lead value ratio ≈ 25.641", Math.abs((lv.ratio ?: 0.0) - 25.641) < 1e-3) { "${lv.ratio}" }
    }
}

/** Absent ratios and period claims on a small document: an absent value crosses as null, never 0. */
fun promotionEdges() {
    val source = """"source": {"publisher": "X"}"""
    val text = """
        {"schema_version": 1, "as_of": "2025-06-30",
         "companies": [{"id": "a", "legal_name": "A Ltd", "legal_form": "private_limited",
           "founded_on": "2010-01-01", "headquarters": {"city": "Lahore", "region": "PK-PB"},
           "leads": [{"id": "l1", "counterparty_country": "AE", "identified_on": "2024-10-15", "initiative": "free"}],
           "offices": [{"country": "AE", "city": "Dubai", "opened_on": "2024-12-01", "initiative": "free"}]}],
         "initiatives": [{"id": "free", "name": "Free roadshow", "kind": "roadshow", "organised_by": "PSEB",
           "country": "AE", "starts_on": "2024-10-14", "ends_on": "2024-10-18"}],
         "claims": [
           {"id": "c1", "metric": "leads", "value": 30, "period": "FY2019-20", "claimed_by": "X", $source},
           {"id": "c2", "metric": "return_per_usd", "value": 5, "initiative": "free", "claimed_by": "X", $source},
           {"id": "c3", "metric": "leads", "value": 3, "period": "2024", "claimed_by": "X", $source}]}
    """.trimIndent()
    Registry.fromJson(text).use { r ->
        eq("edge warnings", r.warnings(), emptyList<Issue>())
        val o = r.initiativeOutcomes()[0].outcome
        eq(
            "edge outcome",
            listOf(o.leads, o.leadsOpen, o.offices, o.publicCostUsd, o.conversion, o.costPerLead, o.returnPerUsd),
            listOf(1uL, 1uL, 1uL, null, null, null, null),
        )
        eq("edge claim period text", r.claims().map { it.period }, listOf("FY2019-20", null, "2024"))
        eq(
            "edge claims reconciled",
            r.claimsReconciled().map { Triple(it.period, it.recorded, it.ratio) },
            listOf(Triple("FY2019-20", null, null), Triple(null, null, null), Triple("2024", 1.0, 3.0)),
        )
        val follow = r.followThrough()
        eq(
            "edge follow-through",
            listOf(follow.total, follow.followed, follow.pending, follow.share, follow.agreements),
            listOf(0uL, 0uL, 0uL, null, emptyList<FollowUp>()),
        )
        eq("edge no participants: no growth rows", r.participationGrowth(), emptyList<ParticipationGrowth>())
        eq("edge markets", r.outcomesByCounterpartyCountry().map { Pair(it.country, it.leads) }, listOf(Pair("AE", 1uL)))
        val free = r.initiative("free")
        eq(
            "edge initiative defaults",
            listOf(free?.status, free?.targetMarkets, free?.participants, free?.headcounts, free?.publicCostUsd, free?.source),
            listOf(InitiativeStatus.HELD, emptyList<String>(), emptyList<Participant>(), emptyList<Headcount>(), null, null),
        )
        eq("edge round trip", Registry.fromJson(r.toJson()).use { it == r }, true)
    }
    Registry.fromJson("""{"schema_version": 1, "as_of": "2025-06-30"}""").use { r ->
        eq(
            "no promotion data",
            listOf(r.initiatives(), r.claims(), r.initiativeOutcomes(), r.outcomesByFiscalYear(), r.outcomesByHostCountry(), r.claimsReconciled()),
            List(6) { emptyList<Any>() },
        )
        eq("no promotion data: share", r.followThrough().share, null)
    }
}

/** examples/kotlin/PromotionBoard.kt on the sample. */
fun promotionExample() {
    Registry.sample().use { s ->
        val board = PromotionBoard.of(s)
        eq("promotion example rows", board.initiatives.size, 10)
        val gitex = board.initiatives.first { it.id == "gitex-global-2023" }
        eq("promotion example row", Triple(gitex.startsOn, gitex.leads, gitex.contractedUsd), Triple("2023-10-16", 8uL, 1_295_000uL))
        eq("promotion example headcounts", gitex.headcounts.first(), "companies 27 (Minister of IT (via UrduPoint))")
        eq("promotion example: no cost, no return", board.initiatives[0].returnPerUsd, null)
        eq("promotion example claims", board.claims.map { it.id }, listOf("gitex-2023-return", "leap-2023-lead-value"))
        eq("promotion example share", board.followedShare, 0.5)
    }
}
