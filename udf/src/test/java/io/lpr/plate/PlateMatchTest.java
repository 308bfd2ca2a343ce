package io.lpr.plate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlateMatchTest {
    @Test
    void partialPlatesAndWildcards() {
        assertThat(PlateMatch.matches("O567AM76", "567AM")).isTrue();
        assertThat(PlateMatch.matches("O567AM76", "*567AM*")).isTrue();
        assertThat(PlateMatch.matches("O567AM76", "*567AM")).isFalse();
        assertThat(PlateMatch.matches("O567AM76", "O???AM76")).isTrue();
        assertThat(PlateMatch.matches("O567AM776", "O???AM76")).isFalse();
        assertThat(PlateMatch.matches("O567AM76", "568")).isFalse();
    }

    @Test
    void cyrillicAndLowerCaseAreWhatTheModelWrites() {
        assertThat(PlateMatch.normalize("о 567 ам 76")).isEqualTo("O567AM76");
        assertThat(PlateMatch.matches("B840CK197", "в840ск")).isTrue();
    }

    @Test
    void sqlLikeFollowsTheSameRules() {
        assertThat(PlateMatch.sqlLike("567am")).isEqualTo("%567AM%");
        assertThat(PlateMatch.sqlLike("*567AM*")).isEqualTo("%567AM%");
        assertThat(PlateMatch.sqlLike("O???AM76")).isEqualTo("O___AM76");
        assertThat(PlateMatch.sqlLike("50%_")).isEqualTo("%50\\%\\_%");
    }

    @Test
    void nearMeansOneEditOrLookAlikes() {
        assertThat(PlateMatch.editDistance("O567AM76", "O567AM776")).isEqualTo(1);
        assertThat(PlateMatch.near("O567AM76", "O567AM77", 1)).isTrue();
        assertThat(PlateMatch.near("O567AM76", "0567AM76", 0)).isTrue();
        assertThat(PlateMatch.near("B840CK197", "8840OK197", 0)).isTrue();
        assertThat(PlateMatch.near("O567AM76", "O561AH77", 1)).isFalse();
        assertThat(PlateMatch.near("O567AM76", "K095AE177", 1)).isFalse();
        assertThat(PlateMatch.near(null, "K095AE177", 1)).isFalse();
    }
}
