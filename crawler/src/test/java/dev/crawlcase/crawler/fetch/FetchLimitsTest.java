package dev.crawlcase.crawler.fetch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class FetchLimitsTest {

    @Test
    void defaultsAreValid() {
        assertThatNoException().isThrownBy(FetchLimits::defaults);
    }

    @Test
    void nonPositiveValuesAreRejectedByName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FetchLimits(0, 1, 1, 1, 1, "ua", false)).withMessageContaining("connectTimeoutMs");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FetchLimits(1, 1, 1, -1, 1, "ua", false)).withMessageContaining("maxBodyBytes");
    }

    @Test
    void firstByteTimeoutMustFitInTheTotal() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FetchLimits(1, 10, 5, 1, 1, "ua", false)).withMessageContaining("totalTimeoutMs");
    }

    @Test
    void userAgentMustBePrintable() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FetchLimits(1, 1, 1, 1, 1, "a\r\nX-Evil: 1", false)).withMessageContaining("userAgent");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FetchLimits(1, 1, 1, 1, 1, " ", false)).withMessageContaining("userAgent");
    }
}
