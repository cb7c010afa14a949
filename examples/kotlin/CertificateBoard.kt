// Android-style use of the pkit bindings (Kotlin package `pkit`): load a registry shipped as an
// app asset, show the certificates that expire soon, and show every problem of a registry that
// does not load.
//
// In an Activity or a ViewModel:
//
//     val text = context.assets.open("registry.json").bufferedReader().use { it.readText() }
//     when (val board = CertificateBoard.load(text)) {
//         is Board.Ready -> adapter.submitList(board.rows)
//         is Board.Rejected -> showProblems(board.problems)
//     }
//
// Loading validates the whole document and builds the registry in native code: on Android, call
// it off the main thread (a coroutine on Dispatchers.Default).
//
// This file has no Android dependency, so bindings/uniffi/test.sh compiles it on the JVM with
// the generated bindings and the tests call it.

package example

import pkit.PkitException
import pkit.Registry
import pkit.Severity

/** What the screen shows. */
sealed interface Board {
    /** The registry loaded: its date, one row per certificate expiring soon, its warnings. */
    data class Ready(val asOf: String, val rows: List<ExpiringRow>, val warnings: List<String>) : Board

    /** The registry was refused: one line per error. */
    data class Rejected(val problems: List<String>) : Board
}

/** One certificate about to expire. */
data class ExpiringRow(
    val company: String,
    val certificate: String,
    val expiresOn: String,
    val daysLeft: Long,
)

object CertificateBoard {
    /**
     * Loads the asset's text and lists the certificates in force whose effective expiry is at
     * most [days] days after the registry's `asOf`, soonest first.
     */
    fun load(assetText: String, days: Long = 90): Board =
        try {
            Registry.fromJson(assetText).use { registry ->
                val rows = registry.expiringWithin(registry.asOf(), days).map { status ->
                    // One small call per row: the company's names, not the whole list.
                    val company = registry.company(status.companyId)
                    ExpiringRow(
                        company = company?.tradeName ?: company?.legalName ?: status.companyId,
                        certificate = "${status.scheme.name.lowercase()} ${status.edition}",
                        expiresOn = status.effectiveExpiry,
                        daysLeft = status.daysToExpiry,
                    )
                }
                Board.Ready(
                    asOf = registry.asOf(),
                    rows = rows,
                    warnings = registry.warnings().map { "${it.path}: ${it.message}" },
                )
            }
        } catch (e: PkitException.Invalid) {
            // Every issue of the document at once, errors and warnings; show the errors.
            Board.Rejected(
                e.issues
                    .filter { it.severity == Severity.ERROR }
                    .map { "${it.path.ifEmpty { "(document)" }}: ${it.message} [${it.code}]" },
            )
        } catch (e: PkitException.LimitExceeded) {
            Board.Rejected(listOf("the registry is too large: ${e.reason}"))
        }
}
