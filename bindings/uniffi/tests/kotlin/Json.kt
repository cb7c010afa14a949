// A small strict JSON reader for the tests' expectation files (`*.issues.json`): the JVM has
// no JSON parser of its own and Maven Central is out of reach, so no library is used.
// Objects become Map<String, Any?>, arrays List<Any?>, numbers Double.

class JsonReader(private val text: String) {
    private var at = 0

    fun document(): Any? {
        val value = value()
        space()
        require(at == text.length) { "trailing text at $at" }
        return value
    }

    private fun space() {
        while (at < text.length && text[at] in " \t\r\n") at++
    }

    private fun value(): Any? {
        space()
        require(at < text.length) { "unexpected end" }
        return when (text[at]) {
            '{' -> obj()
            '[' -> array()
            '"' -> string()
            't' -> literal("true", true)
            'f' -> literal("false", false)
            'n' -> literal("null", null)
            else -> number()
        }
    }

    private fun literal(word: String, value: Any?): Any? {
        require(text.startsWith(word, at)) { "bad literal at $at" }
        at += word.length
        return value
    }

    private fun number(): Double {
        val start = at
        while (at < text.length && text[at] in "+-0123456789.eE") at++
        return text.substring(start, at).toDouble()
    }

    private fun obj(): Map<String, Any?> {
        val map = LinkedHashMap<String, Any?>()
        at++
        space()
        if (text[at] == '}') { at++; return map }
        while (true) {
            space()
            val key = string()
            space()
            require(text[at] == ':') { "expected : at $at" }
            at++
            map[key] = value()
            space()
            when (text[at++]) {
                ',' -> continue
                '}' -> return map
                else -> error("expected , or } at ${at - 1}")
            }
        }
    }

    private fun array(): List<Any?> {
        val list = ArrayList<Any?>()
        at++
        space()
        if (text[at] == ']') { at++; return list }
        while (true) {
            list.add(value())
            space()
            when (text[at++]) {
                ',' -> continue
                ']' -> return list
                else -> error("expected , or ] at ${at - 1}")
            }
        }
    }

    private fun string(): String {
        require(text[at] == '"') { "expected a string at $at" }
        at++
        val out = StringBuilder()
        while (true) {
            val c = text[at++]
            when (c) {
                '"' -> return out.toString()
                '\\' -> when (val e = text[at++]) {
                    '"', '\\', '/' -> out.append(e)
                    'b' -> out.append('\b')
                    'f' -> out.append('\u000C')
                    'n' -> out.append('\n')
                    'r' -> out.append('\r')
                    't' -> out.append('\t')
                    'u' -> { out.append(text.substring(at, at + 4).toInt(16).toChar()); at += 4 }
                    else -> error("bad escape at $at")
                }
                else -> out.append(c)
            }
        }
    }
}
