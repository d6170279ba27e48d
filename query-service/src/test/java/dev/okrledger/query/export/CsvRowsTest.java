package dev.okrledger.query.export;

import dev.okrledger.contract.event.ConfidenceBand;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Cells as a spreadsheet reads them: plain decimals, ISO times, no formulas. */
class CsvRowsTest {

    private record Row(
            String text, Double share, BigDecimal value, Instant at, ConfidenceBand band, List<String> done) {}

    @Test
    void numbersArePlainDecimalsAndTextThatLooksLikeAFormulaIsQuoted() {
        byte[] file = CsvRows.write(
                Row.class,
                List.of(
                        new Row(
                                "=1+2",
                                1.0E-7,
                                new BigDecimal("1E+3"),
                                Instant.parse("2026-02-01T12:00:00Z"),
                                ConfidenceBand.RED,
                                List.of("design", "beta")),
                        new Row(
                                "plain, with a comma",
                                Double.NaN,
                                new BigDecimal("-2.50"),
                                null,
                                null,
                                List.of("@all"))));

        assertThat(new String(file, StandardCharsets.UTF_8))
                .isEqualTo("\uFEFF"
                        + "text,share,value,at,band,done\r\n"
                        + "'=1+2,0.0000001,1000,2026-02-01T12:00:00Z,RED,design;beta\r\n"
                        + "\"plain, with a comma\",,-2.50,,,'@all\r\n");
    }
}
