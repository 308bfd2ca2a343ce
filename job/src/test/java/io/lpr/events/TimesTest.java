package io.lpr.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimesTest {
    @Test
    void everyDocumentedFormIsTheSameInstant() {
        assertThat(TimeForms.FORMS).allSatisfy(form -> assertThat(Times.parse(form)).as(form).isEqualTo(TimeForms.AT));
        assertThat(Times.parse(TimeForms.DATE)).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
    }

    @Test
    void aPlusThatAUrlDecodedToASpaceIsStillAnOffset() {
        assertThat(Times.parse("2024-05-01T15:01 03:00")).isEqualTo(TimeForms.AT);
    }

    @Test
    void anythingElseIsRefusedNamingTheFormsAccepted() {
        assertThatThrownBy(() -> Times.parse("yesterday")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'yesterday' is not a date or time: use e.g. " + Times.EXAMPLES);
        assertThatThrownBy(() -> Times.parse("2024-13-01")).isInstanceOf(IllegalArgumentException.class);
    }
}
