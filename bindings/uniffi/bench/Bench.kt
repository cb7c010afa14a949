// The cost of the FFI boundary seen from Kotlin: Registry.fromJson of the sample and of a large
// generated document, and companies() on it. bindings/uniffi/examples/bench.rs makes the same
// calls in Rust; bindings/uniffi/bench/run.sh builds and runs both (release build).
//
// Usage: BenchKt SAMPLE_JSON BIG_JSON

import java.io.File
import pkit.Registry

fun millis(block: () -> Unit): Double {
    val start = System.nanoTime()
    block()
    return (System.nanoTime() - start) / 1e6
}

/** Runs [block] [warmup] times untimed (the JIT), then [runs] times; prints the median. */
fun bench(name: String, warmup: Int, runs: Int, block: () -> Unit) {
    repeat(warmup) { block() }
    val times = (1..runs).map { millis(block) }.sorted()
    println("kotlin %-28s median %9.3f ms  (min %.3f, max %.3f, %d runs)".format(name, times[runs / 2], times.first(), times.last(), runs))
}

fun main(args: Array<String>) {
    val sample = File(args[0]).readText()
    val big = File(args[1]).readText()
    bench("fromJson(sample)", 30, 51) { Registry.fromJson(sample).destroy() }
    Registry.fromJson(sample).use { r -> bench("companies() sample", 30, 51) { r.companies() } }
    bench("fromJson(big)", 3, 11) { Registry.fromJson(big).destroy() }
    Registry.fromJson(big).use { r ->
        println("kotlin big document: ${big.length} chars, ${r.companies().size} companies")
        bench("companies() big", 3, 11) { r.companies() }
    }
}
