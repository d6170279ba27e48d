package dev.okrledger.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The firewall's header rule without a regex says what StrictHttpFirewall's regexes say. */
class PrintableTextTest {

    // StrictHttpFirewall's own patterns (Spring Security 7.1)
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    private static final List<String> SAMPLES = List.of(
            "",
            "Authorization",
            "Bearer eyJ.abc.def==",
            "application/json; charset=UTF-8",
            "a\tb",
            "\t",
            "a\u0000b",
            "a\nb",
            "a\rb",
            "\u007f",
            "\u0085",
            "\u009f",
            "\u00a0",
            "caf\u00e9",
            "\u0378",
            "\ud83d\ude00",
            "\ud83d",
            "\ude00x",
            "\u200b",
            "\uffff",
            "\ufeff",
            "x\u2028y",
            "\u0001Bearer");

    @Test
    void headerNamesAndValuesAreJudgedAsByTheRegexes() {
        for (String sample : SAMPLES) {
            assertThat(PrintableText.isHeaderName(sample))
                    .as("name %s", escaped(sample))
                    .isEqualTo(NAME.matcher(sample).matches());
            assertThat(PrintableText.isHeaderValue(sample))
                    .as("value %s", escaped(sample))
                    .isEqualTo(VALUE.matcher(sample).matches());
        }
    }

    @Test
    void everyCharacterOfTheBasicPlaneIsJudgedAsByTheRegexes() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String sample = "a" + c + "b";
            assertThat(PrintableText.isHeaderValue(sample))
                    .as("U+%04X", (int) c)
                    .isEqualTo(VALUE.matcher(sample).matches());
        }
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? "\\u%04x".formatted(c) : String.valueOf((char) c)));
        return out.toString();
    }
}
