package io.lpr.recognize;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.recognize.CtcDecoder.Decoded;
import org.junit.jupiter.api.Test;

class PlateFormatTest {
    @Test
    void acceptsOnlyConfidentTextsOfEightOrNineSymbols() {
        assertThat(PlateFormat.accepts("B840CK197", -90f)).isTrue();
        assertThat(PlateFormat.accepts("B840CK97", -85.01f)).isTrue();
        assertThat(PlateFormat.accepts("B840CK197", -85f)).as("threshold is strict").isFalse();
        assertThat(PlateFormat.accepts("B840CK197", -20f)).isFalse();
        assertThat(PlateFormat.accepts("B840CK1", -120f)).as("7 symbols").isFalse();
        assertThat(PlateFormat.accepts("B840CK1977", -120f)).as("10 symbols").isFalse();
        assertThat(PlateFormat.accepts(null, -120f)).isFalse();
    }

    @Test
    void acceptanceDoesNotRequireThePrivatePlatePattern() {
        assertThat(PlateFormat.accepts("AB123477", -100f)).isTrue();
        assertThat(PlateFormat.isRussianPrivate("AB123477")).isFalse();
    }

    @Test
    void recognisesRussianPrivatePlates() {
        assertThat(PlateFormat.isRussianPrivate("B840CK197")).isTrue();
        assertThat(PlateFormat.isRussianPrivate("A001AA77")).isTrue();
        assertThat(PlateFormat.isRussianPrivate("X999XX799")).isTrue();
        assertThat(PlateFormat.isRussianPrivate("B840CK1977")).isFalse();
        assertThat(PlateFormat.isRussianPrivate("B840CK1")).isFalse();
        assertThat(PlateFormat.isRussianPrivate("D840CK197")).as("D is not a plate letter").isFalse();
        assertThat(PlateFormat.isRussianPrivate("8840CK197")).isFalse();
        assertThat(PlateFormat.isRussianPrivate(null)).isFalse();
    }

    @Test
    void readingKeepsRawTextAndScoreWhenUnreadable() {
        Reading unreadable = Reading.of(new Decoded("B840", -120f));
        assertThat(unreadable.text()).isNull();
        assertThat(unreadable.readable()).isFalse();
        assertThat(unreadable.rawText()).isEqualTo("B840");
        assertThat(unreadable.score()).isEqualTo(-120f);

        Reading read = Reading.of(new Decoded("B840CK197", -120f));
        assertThat(read.text()).isEqualTo("B840CK197");
        assertThat(read.readable()).isTrue();
    }
}
