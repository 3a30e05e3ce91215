package dk.noegletal.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class ChartsTest {

    @Test
    void aRankingDrawsEveryKnownValueAndHighlightsOne() {
        String svg = BarChart.svg("Andel <&> i pct.", "Tre kommuner.", List.of(
                new BarChart.Bar("A", new BigDecimal("1.0"), false),
                new BarChart.Bar("B", new BigDecimal("2.0"), true),
                new BarChart.Bar("C", null, false)), new BigDecimal("1.5"), "Hele landet", " %", 1);
        Document chart = Jsoup.parse(svg, Parser.xmlParser());
        assertEquals("Andel <&> i pct.", chart.selectFirst("title").text());
        List<Element> bars = chart.select("rect[height=9]");
        assertEquals(2, bars.size());
        assertEquals(Svg.HIGHLIGHT, bars.get(1).attr("fill"));
        // B (2.0) is twice as long as A (1.0).
        assertEquals(2 * Double.parseDouble(bars.get(0).attr("width")), Double.parseDouble(bars.get(1).attr("width")),
                0.2);
        assertTrue(svg.contains("Hele landet: 1,5 %"), svg);
    }

    @Test
    void negativeChangesAreDrawnLeftOfZero() {
        String svg = GroupedBarChart.svg("Ændring", "To grupper.", List.of("Fuldtidspersoner", "Landsandel"),
                List.of(new GroupedBarChart.Category("Kontanthjælp", List.of(new BigDecimal("-14.1"),
                        new BigDecimal("-4.5"))), new GroupedBarChart.Category("Revalidering",
                                Arrays.asList(new BigDecimal("10"), null))), " %", 1);
        List<Element> bars = Jsoup.parse(svg, Parser.xmlParser()).select("rect[height=7]");
        assertEquals(3, bars.size());
        double zero = Double.parseDouble(bars.get(0).attr("x")) + Double.parseDouble(bars.get(0).attr("width"));
        assertEquals(zero, Double.parseDouble(bars.get(2).attr("x")), 0.2);
    }

    @Test
    void anIndexStartsAt100FromTheFirstValueThatIsNotZero() {
        List<BigDecimal> index = LineChart.indexed(Arrays.asList(null, BigDecimal.ZERO, new BigDecimal("50"),
                new BigDecimal("75")));
        assertNull(index.get(0));
        assertEquals(0, BigDecimal.ZERO.compareTo(index.get(1)));
        assertEquals(0, new BigDecimal("100").compareTo(index.get(2)));
        assertEquals(0, new BigDecimal("150").compareTo(index.get(3)));
    }
}
