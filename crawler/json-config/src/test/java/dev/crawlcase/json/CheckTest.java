package dev.crawlcase.json;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckTest {

    @Test
    void eachCheckNamesItsKeyAndTheBoundItMissed() {
        assertThatThrownBy(() -> Check.range("maxDepth", 10_001, 0, 10_000))
                .isInstanceOf(ConfigException.class).hasMessage("maxDepth: must be between 0 and 10000, got 10001");
        assertThatThrownBy(() -> Check.between("hang", 1.5, 0, 1)).hasMessage("hang: must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> Check.atLeast("pages", 5, 10)).hasMessage("pages: must be >= 10, got 5");
        assertThatThrownBy(() -> Check.atLeast("sigma", Double.NaN, 0)).hasMessage("sigma: must be >= 0, got NaN");
        assertThatThrownBy(() -> Check.notAbove("firstByteTimeoutMs", 9, "totalTimeoutMs", 5))
                .hasMessage("firstByteTimeoutMs: must not exceed totalTimeoutMs (5), got 9");
        assertThatThrownBy(() -> Check.notBelow("maxDelayMs", 5, "baseDelayMs", 9))
                .hasMessage("maxDelayMs: must be at least baseDelayMs (9), got 5");
        assertThatThrownBy(() -> Check.notNull("name", null)).hasMessage("name: is required");
        assertThat(Check.range("n", 7, 0, 7)).isEqualTo(7);
    }

    @Test
    void aRangeChecksBothEndsAndConvertsToCoarserUnitsInsideItself() {
        Range ms = new Range(1, 31_536_000_000L);
        assertThat(ms.contains(1)).isTrue();
        assertThat(ms.contains(0)).isFalse();
        assertThat(ms.inUnitsOf(1000)).isEqualTo(new Range(1, 31_536_000));
        assertThat(new Range(1500, 2500).inUnitsOf(1000)).isEqualTo(new Range(2, 2));
        assertThatThrownBy(() -> ms.check("robotsTtlMs", 0)).hasMessage("robotsTtlMs: must be between 1 and 31536000000, got 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new Range(2, 1));
    }

    @Test
    void numbersAreShownAsTheyWouldBeWritten() {
        assertThat(Check.show(60)).isEqualTo("60");
        assertThat(Check.show(0.05)).isEqualTo("0.05");
        assertThat(Check.show(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
    }
}
