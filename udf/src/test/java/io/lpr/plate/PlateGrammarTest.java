package io.lpr.plate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlateGrammarTest {
    private final PlateGrammar russian = PlateGrammar.russian();

    @Test
    void theRussianSeriesAreShipped() {
        assertThat(russian.formatOf("B840CK197")).isEqualTo("private");
        assertThat(russian.formatOf("O459OO97")).isEqualTo("private");
        assertThat(russian.formatOf("AB12377")).isEqualTo("taxi");
        assertThat(russian.formatOf("AB1234177")).isEqualTo("trailer");
        assertThat(russian.formatOf("1234AB77")).isEqualTo("motorcycle");
        assertThat(russian.formatOf("A123477")).isEqualTo("police");
        assertThat(russian.formatOf("001T00177")).isEqualTo("diplomatic");
        assertThat(russian.formatOf("AB123C77")).isEqualTo("transit");
    }

    @Test
    void textsNoPlateCanBeAreRejected() {
        // From the issue: a letter where a digit must be, a digit where a letter must be.
        assertThat(russian.accepts("T7OO9O76")).isFalse();
        assertThat(russian.accepts("O9339CP6")).isFalse();
        assertThat(russian.accepts("K07553E76")).isFalse();
        assertThat(russian.accepts("B840CK097")).as("3-digit regions do not start with 0").isFalse();
        assertThat(russian.accepts(null)).isFalse();
    }

    @Test
    void formatsAreConfigurable() {
        PlateGrammar g = PlateGrammar.parse(List.of("custom:[AB]#[1-3]", "X##"));
        assertThat(g.formatOf("A52")).isEqualTo("custom");
        assertThat(g.accepts("C52")).isFalse();
        assertThat(g.accepts("A54")).isFalse();
        assertThat(g.formatOf("X12")).isEqualTo("format1");
    }

    @Test
    void badPatternsAreOneLineNamingThem() {
        assertThatThrownBy(() -> PlateGrammar.parse(List.of("bad:@#Z"))).hasMessageContaining("'@#Z'")
                .hasMessageContaining("'Z'");
        assertThatThrownBy(() -> PlateGrammar.parse(List.of("bad:@[12"))).hasMessageContaining("without ']'");
        assertThatThrownBy(() -> PlateGrammar.parse(List.of())).hasMessageContaining("at least one format");
    }
}
