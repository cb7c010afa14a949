// The JVM tests of the Kotlin bindings: replays every shared vector of tests/vectors through
// `validateJson` (same codes, paths and severities as the Rust replay, compared the same way),
// checks that loading agrees with validation (`PkitException.Invalid` carries the same issues),
// and exercises the API on the built-in sample against values the core's own tests assert
// (the promotion API in PromotionTests.kt, called from main below).
//
// Usage: PkitTestsKt VECTORS_DIR. Prints `N passed, N failed`; exits 1 on any failure.

import example.Board
import example.CertificateBoard
import java.io.File
import java.nio.file.Files
import kotlin.system.exitProcess
import pkit.*

var passed = 0
var failed = 0

fun check(name: String, ok: Boolean, detail: () -> String = { "" }) {
    if (ok) {
        passed++
    } else {
        failed++
        println("FAIL $name ${detail()}")
    }
}

fun <T> eq(name: String, actual: T, expected: T) =
    check(name, actual == expected) { "\n  expected $expected\n  got      $actual" }

/** Runs [block], which must throw an [E]; returns it (null, and a failure, otherwise). */
inline fun <reified E : Throwable> throws(name: String, block: () -> Unit): E? {
    try {
        block()
    } catch (e: Throwable) {
        check(name, e is E) { "threw $e" }
        return e as? E
    }
    check(name, false) { "did not throw" }
    return null
}

// ---- vectors ---------------------------------------------------------------------------

data class Expected(val path: String, val code: String, val severity: String) : Comparable<Expected> {
    override fun compareTo(other: Expected) =
        compareValuesBy(this, other, { it.path }, { it.code }, { it.severity })
}

fun parent(path: String) = path.substringBeforeLast('/', "")

/**
 * Sorts each run of issues sharing a position (the same path, or consecutive sibling
 * `missing_field`s), as the Rust replay does: order within a run is free, order between runs
 * is the document's.
 */
fun canonical(issues: List<Expected>): List<Expected> {
    val out = ArrayList<Expected>()
    var start = 0
    while (start < issues.size) {
        var end = start + 1
        while (end < issues.size) {
            val a = issues[end - 1]
            val b = issues[end]
            val samePlace = a.path == b.path ||
                (a.code == "missing_field" && b.code == "missing_field" && parent(a.path) == parent(b.path))
            if (!samePlace) break
            end++
        }
        out.addAll(issues.subList(start, end).sorted())
        start = end
    }
    return out
}

fun expectedIssues(file: File): List<Expected> {
    @Suppress("UNCHECKED_CAST")
    val list = JsonReader(file.readText()).document() as List<Map<String, Any?>>
    return list.map { Expected(it["path"] as String, it["code"] as String, it["severity"] as String) }
}

fun Issue.triple() = Expected(path, code, severity.name.lowercase())

fun replayVectors(dir: File) {
    val cases = dir.listFiles { f -> f.name.endsWith(".issues.json") }.orEmpty().sortedBy { it.name }
    check("vectors found in $dir", cases.size >= 100) { "only ${cases.size}" }
    var vectorsPassed = 0
    var vectorsFailed = 0
    for (case in cases) {
        val name = case.name.removeSuffix(".issues.json")
        // The document's bytes as they are (UTF-8), never parsed by a JSON library first.
        val text = String(Files.readAllBytes(File(dir, "$name.json").toPath()), Charsets.UTF_8)
        val expected = expectedIssues(case)
        val issues = validateJson(text)
        val got = issues.map { it.triple() }
        if (canonical(got) == canonical(expected)) {
            vectorsPassed++
            passed++
        } else {
            vectorsFailed++
            check("vector $name", false) { "\n  expected $expected\n  got      $got" }
        }
        // Every issue with a place has its line and column in the text, and its input there.
        val lines = text.split("\n")
        for (issue in issues.filter { it.code != "limit_exceeded" }) {
            val at = issue.location
            val line = at?.line?.toInt() ?: 0
            val column = at?.column?.toInt() ?: 0
            val placed = at != null && at.file == null && at.header == null && line in 1..lines.size &&
                column in 1..(lines[line - 1].codePointCount(0, lines[line - 1].length) + 1)
            check("vector $name ${issue.path} has its line and column", placed) { "$at" }
            val input = issue.input
            if (placed && input != null) {
                val rest = lines.drop(line - 1).joinToString("\n").let { it.substring(it.offsetByCodePoints(0, column - 1)) }
                check("vector $name ${issue.path} input at its place", rest.startsWith(input)) { "$input at $at" }
            }
        }
        // Loading agrees with validation, and the exception carries exactly those issues.
        val hasError = issues.any { it.severity == Severity.ERROR }
        try {
            Registry.fromJson(text).use { registry ->
                check("vector $name loads only without errors", !hasError)
                eq("vector $name warnings at load", registry.warnings(), issues)
                Registry.fromJson(registry.toJson()).use { again ->
                    check("vector $name round trip", again == registry)
                }
            }
        } catch (e: PkitException.Invalid) {
            check("vector $name rejected only with errors", hasError)
            eq("vector $name Invalid carries the issues", e.issues, issues)
        } catch (e: PkitException.LimitExceeded) {
            eq("vector $name LimitExceeded", issues.map { it.code }, listOf("limit_exceeded"))
        }
    }
    println("vectors: $vectorsPassed passed, $vectorsFailed failed")
}

// ---- the API on the sample ---------------------------------------------------------------

fun sampleRecords() {
    Registry.sample().use { s ->
        eq("sample companies", s.companies().size, 28)
        eq("sample asOf", s.asOf(), "2026-01-31")
        eq(
            "sample warnings",
            s.warnings().map { Triple(it.code, it.path, it.severity) },
            listOf(
                Triple("beyond_transition", "/companies/1/certifications/0/expires_on", Severity.WARNING),
                Triple("edition_withdrawn", "/companies/13/certifications/0/issued_on", Severity.WARNING),
            ),
        )
        eq("sample targets", s.targets().size, 5)
        eq("sample rankings", s.rankings().size, 3)
        check("sample observations", s.observations().size >= 38) { "${s.observations().size}" }
        eq("companies() is stable", s.companies(), s.companies())
        // The same warnings, each placed in its own text.
        eq(
            "sample validates with its warnings only",
            validateJson(s.toJson()).map { it.copy(location = null) },
            s.warnings().map { it.copy(location = null) },
        )
        Registry.fromJson(s.toJson()).use { again -> check("toJson round trip ==", again == s) }
        Registry.fromJson(s.toJsonPretty()).use { again -> check("toJsonPretty round trip ==", again == s) }

        val indus = s.company("indus-byteworks")
        check("company by id", indus != null)
        eq("unknown company", s.company("no-such-company"), null)
        eq("company id", indus?.id, "indus-byteworks")
        eq("headquarters region is a code", indus?.headquarters?.region?.startsWith("PK-"), true)
        val cmmi = s.companies().flatMap { it.certifications }.first { it.scheme == Scheme.CMMI }
        check("cmmi level 2..5", cmmi.level?.toInt() in 2..5) { "${cmmi.level}" }
        check("dates are ISO text", Regex("\\d{4}-\\d{2}-\\d{2}").matches(cmmi.issuedOn)) { cmmi.issuedOn }
        val ten = s.targets().first { it.id == "it-exports-10bn-2025" }
        eq("target value", ten.value, 10_000_000_000uL)
        eq("target deadline", ten.deadline, "FY2024-25")
        eq("observation region default", s.observations().all { it.region.isNotEmpty() }, true)
        eq("ranking country default", s.rankings().all { it.country.length == 2 }, true)
        check("some certificate statuses default to active",
            s.companies().flatMap { it.certifications }.any { it.status == CertificationStatus.ACTIVE })
        check("json schema", jsonSchema().contains("\"schema_version\""))
    }
}

fun sampleAnalytics() {
    Registry.sample().use { s ->
        val summary = s.summary()
        eq("summary companies", summary.companies, 28uL)
        eq("summary by region adds up", summary.companiesByRegion.sumOf { it.count }, 28uL)
        eq("summary warnings", summary.warnings, s.warnings())
        check("summary cmmi", summary.certifications.any { it.label == "cmmi" })

        s.series(Indicator.ICT_EXPORTS, "PK").use { ict ->
            eq("series indicator", ict.indicator(), Indicator.ICT_EXPORTS)
            eq("series region", ict.region(), "PK")
            eq("series first point", ict.points().first().period, "FY2015-16")
            eq("series FY2023-24", ict.get("FY2023-24")?.value, 3_223_000_000uL)
            eq("series FY2022-23 current vintage", ict.get("FY2022-23")?.value, 2_593_000_000uL)
            eq("series 2025-06", ict.get("2025-06")?.value, 339_000_000uL)
            eq("series missing period", ict.get("FY2025-26-Q2"), null)
            val years = ict.fiscalYears()
            val fy24 = years.first { it.fiscalYear == 2023 }
            eq("fiscal year", Triple(fy24.label, fy24.value, fy24.basis), Triple("FY2023-24", 3_223_000_000uL, TotalBasis.ANNUAL))
            eq("fiscal year complete", fy24.complete, true)
            val last = years.last()
            eq("partial year", Triple(last.label, last.basis, last.monthsCovered.toInt()), Triple("FY2025-26", TotalBasis.PARTIAL, 4))
            val growth = ict.growth().first { it.toYear == 2023 }
            eq("growth values", Pair(growth.fromValue, growth.toValue), Pair(2_593_000_000uL, 3_223_000_000uL))
            eq("growth percent", "%.1f".format(growth.percent), "24.3")
            val cagr = ict.cagr(2015, 2024)
            eq("cagr", Triple(cagr?.fromValue, cagr?.toValue, cagr?.years), Triple(788_640_000uL, 3_810_000_000uL, 9u))
            eq("cagr of a partial year", ict.cagr(2024, 2025), null)
            throws<PkitException.InvalidArgument>("series get bad period") { ict.get("FY2023-25") }
        }
        s.seriesAsPublishedOn(Indicator.ICT_EXPORTS, "PK", "2023-08-01").use { then ->
            eq("as published on", then.get("FY2022-23")?.value, 2_605_340_000uL)
            eq("not yet published", then.get("2025-07"), null)
        }
        eq(
            "vintages",
            s.vintages(Indicator.ICT_EXPORTS, "PK", "FY2022-23").map { it.value },
            listOf(2_605_340_000uL, 2_593_000_000uL),
        )
        eq("vintage date", s.vintages(Indicator.ICT_EXPORTS, "PK", "FY2022-23")[1].publishedOn, "2023-08-18")
        s.series(Indicator.FREELANCE_REMITTANCES, "PK").use { eq("remittances points", it.points().size, 2) }
        s.series(Indicator.IT_EMPLOYMENT, "PK").use { eq("empty series", it.points().isEmpty(), true) }

        val progress = s.targetProgress()
        val ten = progress.first { it.id == "it-exports-10bn-2025" }
        eq("10bn latest", ten.latest?.label, "FY2024-25")
        eq("10bn gap", ten.gap, 6_190_000_000uL)
        eq("10bn status", ten.status, TargetStatus.MISSED)
        val five = progress.first { it.id == "it-exports-5bn-fy26" }
        eq("5bn latest", five.latest?.value, 3_810_000_000uL)
        eq("5bn required cagr", five.requiredCagr?.let { "%.1f%%".format(it * 100) }, "31.2%")
        eq("5bn status", five.status, TargetStatus.OFF_TRACK)

        s.companyExports("indus-byteworks")!!.use { e ->
            eq("company exports id", e.companyId(), "indus-byteworks")
            val fy = e.total(2023)
            eq("company total", Triple(fy?.label, fy?.value, fy?.complete), Triple("FY2023-24", 38_400_000uL, true))
            val current = e.total(2025)
            eq("company partial total", Pair(current?.monthsCovered?.toInt(), current?.complete), Pair(6, false))
            eq(
                "by market",
                e.byMarket(2023).map { Pair(it.market, it.value) },
                listOf(Pair("US", 22_950_000uL), Pair("GB", 7_800_000uL), Pair(null, 7_650_000uL)),
            )
            check("groups", e.groups().isNotEmpty())
        }
        s.companyExports("chenab-data-systems")!!.use { e ->
            eq("totals", e.totals().map { it.label }, listOf("FY2021-22", "FY2022-23", "FY2023-24", "FY2024-25"))
            eq("by service", e.byService(2023).map { it.value }, listOf(36_800_000uL, 5_450_000uL, 19_850_000uL))
            eq(
                "by service names",
                e.byService(2023).map { it.service },
                listOf(ExportService.COMPUTER_SERVICES, ExportService.CALL_CENTRE, null),
            )
        }
        eq("company exports unknown", s.companyExports("no-such-company"), null)
        val byYear = s.exportsByFiscalYear()
        val fy24 = byYear.first { it.label == "FY2023-24" }
        eq("exports by fiscal year", Pair(fy24.value, fy24.complete), Pair(187_255_000uL, true))
        eq("exports last year partial", byYear.last().complete, false)
        eq(
            "top exporters",
            s.topExporters(2023, 3u).map { it.companyId },
            listOf("chenab-data-systems", "indus-byteworks", "clifton-digital"),
        )
        eq("top exporters n = 0", s.topExporters(2023, 0u), emptyList<CompanyValue>())
        val markets = s.exportMarkets(2023)
        eq("top market", Pair(markets[0].market, markets[0].value), Pair("US", 82_911_000uL))
        check("market share", Math.abs(markets[0].share - 0.6895) < 1e-4) { "${markets[0].share}" }

        val statuses = s.certificateStatuses(s.asOf())
        eq("certificate statuses", statuses.size, 51)
        eq("expired", statuses.count { it.status == DerivedStatus.EXPIRED }, 16)
        val first = statuses[0]
        eq(
            "first status",
            listOf(first.companyId, first.index.toString(), first.scheme.name, first.edition, first.status.name, first.daysToExpiry.toString()),
            listOf("indus-byteworks", "0", "CMMI", "2.0", "VALID", "139"),
        )
        val coverage = s.certificationCoverage(s.asOf())
        eq("coverage schemes", coverage.map { it.scheme }, Scheme.values().toList())
        eq("coverage cmmi", coverage[0].companies, 5uL)
        val iso = coverage.first { it.scheme == Scheme.ISO27001 }
        eq("coverage iso 27001", Pair(iso.companies, iso.share), Pair(7uL, 0.25))
        val soon = s.expiringWithin(s.asOf(), 90)
        eq("expiring within 90 days", soon.size, 6)
        eq("soonest", soon[0].effectiveExpiry, "2026-02-19")
        eq("expiring is the derived status", soon.all { it.status == DerivedStatus.EXPIRING }, true)
        eq("negative days", s.expiringWithin(s.asOf(), -1), emptyList<CertificateStatus>())
        eq("past transition on asOf", s.pastTransition(s.asOf()), emptyList<TransitionGap>())
        val gap = s.pastTransition("2019-01-01")[0]
        eq(
            "past transition 2019",
            listOf(gap.companyId, gap.scheme.name, gap.edition, gap.transitionEnd),
            listOf("indus-byteworks", "ISO9001", "2008", "2018-09-15"),
        )
        eq("past transition 2022", s.pastTransition("2022-01-01").size, 3)
        eq("past transition 2025-11", s.pastTransition("2025-11-01").size, 1)

        eq(
            "award tally by program",
            s.awardTally(AwardDimension.PROGRAM).map { Pair(it.label, it.count) },
            listOf(Pair("apicta", 30uL), Pair("pasha_ict", 23uL), Pair("other", 3uL)),
        )
        val years = s.awardTally(AwardDimension.YEAR).map { it.label }
        eq("award years ascending", years, years.sorted())
        val ranked = s.companiesByAwards()
        eq("companies by awards", ranked.size, 23)
        eq("award leader", Triple(ranked[0].companyId, ranked[0].awards, ranked[0].winners), Triple("chenab-data-systems", 5uL, 3uL))
    }
}

// ---- errors ---------------------------------------------------------------------------------

fun errors() {
    val invalid = throws<PkitException.Invalid>("fromJson {} is Invalid") { Registry.fromJson("{}") }
    eq("Invalid carries every issue", invalid?.issues, validateJson("{}"))
    eq("Invalid issues", invalid?.issues?.map { it.code }, listOf("missing_field", "missing_field"))
    check("Invalid has a message", invalid?.message?.contains("missing_field") == true)
    eq("Invalid has the core's summary", invalid?.summary?.lines()?.first(), "invalid registry: 2 errors")
    check("PkitException is an Exception", invalid is Exception)
    val bad = throws<PkitException.Invalid>("bad as_of") {
        Registry.fromJson("""{"schema_version": 1, "as_of": "2024-13-01"}""")
    }
    eq("bad as_of issue", bad?.issues?.map { it.triple() }, listOf(Expected("/as_of", "invalid_date", "error")))
    val deep = "{\"schema_version\": 1, \"as_of\": \"2024-06-30\", \"x\": " + "[".repeat(70) + "]".repeat(70) + "}"
    val limit = throws<PkitException.LimitExceeded>("deep nesting") { Registry.fromJson(deep) }
    check("limit reason", limit?.reason?.isNotEmpty() == true)
    eq("validate deep nesting", validateJson(deep).map { it.code }, listOf("limit_exceeded"))
    throws<PkitException.Io>("missing file") { Registry.fromPath("no/such/registry.json") }
    throws<PkitException.Io>("missing csv dir") { Registry.fromCsvDir("no/such/dir") }
    throws<PkitException.Io>("validate missing csv dir") { validateCsvDir("no/such/dir") }

    Registry.sample().use { s ->
        for (badDate in listOf("2024-13-01", "31/01/2026", "2024-2-9", " 2024-02-09", "", "2024-02-30")) {
            val e = throws<PkitException.InvalidArgument>("bad date '$badDate'") { s.certificateStatuses(badDate) }
            eq("bad date '$badDate' code", Pair(e?.argument, e?.code), Pair("on", "invalid_date"))
        }
        throws<PkitException.InvalidArgument>("coverage bad date") { s.certificationCoverage("2026-02-30") }
        throws<PkitException.InvalidArgument>("expiring bad date") { s.expiringWithin("tomorrow", 90) }
        throws<PkitException.InvalidArgument>("past transition bad date") { s.pastTransition("2026") }
        throws<PkitException.InvalidArgument>("series as published bad date") {
            s.seriesAsPublishedOn(Indicator.ICT_EXPORTS, "PK", "2023-8-1")
        }
        val region = throws<PkitException.InvalidArgument>("bad region") { s.series(Indicator.ICT_EXPORTS, "PK-XX") }
        eq("bad region code", region?.code, "invalid_region")
        val period = throws<PkitException.InvalidArgument>("bad period") { s.vintages(Indicator.ICT_EXPORTS, "PK", "FY2023-25") }
        eq("bad period code", period?.code, "invalid_period")
    }
}

// ---- CSV ------------------------------------------------------------------------------------

fun csv() {
    val dir = Files.createTempDirectory("pkit-kotlin-csv").toFile()
    try {
        val out = File(dir, "registry")
        Registry.sample().use { s ->
            s.toCsvDir(out.path)
            Registry.fromCsvDir(out.path).use { back -> check("CSV round trip", back == s) }
        }
        eq("validate CSV dir", validateCsvDir(out.path).map { it.code }, listOf("beyond_transition", "edition_withdrawn"))
        val certs = File(out, "certifications.csv")
        val lines = certs.readLines().toMutableList()
        lines[1] = lines[1].replaceFirst(Regex("\\d{4}-\\d{2}-\\d{2}"), "01/31/2024")
        certs.writeText(lines.joinToString("\r\n", postfix = "\r\n"))
        val e = throws<PkitException.Invalid>("CSV with a bad date") { Registry.fromCsvDir(out.path) }
        val issue = e?.issues?.firstOrNull { it.code == "invalid_date" }
        eq("CSV location", issue?.location?.let { listOf(it.file, it.line, it.header?.isNotEmpty(), it.column) }, listOf("certifications.csv", 2uL, true, null))
    } finally {
        dir.deleteRecursively()
    }
}

// ---- the Android-style example ---------------------------------------------------------------

fun example() {
    val sampleText = Registry.sample().use { it.toJson() }
    when (val board = CertificateBoard.load(sampleText)) {
        is Board.Ready -> {
            eq("example rows", board.rows.size, 6)
            eq("example first expiry", board.rows.first().expiresOn, "2026-02-19")
            eq("example warnings", board.warnings.size, 2)
        }
        is Board.Rejected -> check("example loads the sample", false) { board.problems.toString() }
    }
    when (val board = CertificateBoard.load("""{"schema_version": 1, "as_of": "2024-06-31", "companies": 3}""")) {
        is Board.Rejected -> eq("example problems", board.problems.size, 2)
        is Board.Ready -> check("example rejects a bad document", false)
    }
}

fun main(args: Array<String>) {
    val vectors = File(args.getOrElse(0) { "tests/vectors" })
    replayVectors(vectors)
    sampleRecords()
    sampleAnalytics()
    promotionRecords()
    promotionAnalytics()
    promotionEdges()
    promotionExample()
    errors()
    csv()
    example()
    println("$passed passed, $failed failed")
    if (failed > 0) exitProcess(1)
}
