package dev.dbx.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NoiseRuleTest {
    @Test
    void studentsTMatchesItsTables() {
        // two-sided 5% critical values from any table of Student's t
        assertThat(NoiseRule.studentTwoSidedP(12.706, 1)).isCloseTo(0.05, within(1e-4));
        assertThat(NoiseRule.studentTwoSidedP(2.228, 10)).isCloseTo(0.05, within(1e-4));
        assertThat(NoiseRule.studentTwoSidedP(-2.042, 30)).isCloseTo(0.05, within(1e-4));
        assertThat(NoiseRule.studentTwoSidedP(3.169, 10)).isCloseTo(0.01, within(1e-4));
        assertThat(NoiseRule.studentTwoSidedP(0, 10)).isCloseTo(1, within(1e-12));
        assertThat(NoiseRule.studentTwoSidedP(1.96, 1e7)).isCloseTo(0.05, within(1e-4));
    }

    @Test
    void welchsTestMatchesAWorkedExample() {
        // scipy.stats.ttest_ind([27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7,
        // 21.4], [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4],
        // equal_var=False): t = -2.4554, df = 24.99, p = 0.021378 (the first example of Wikipedia's article)
        double[] a = {27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4};
        double[] b = {27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4};
        NoiseRule.Test test = NoiseRule.test(a, b).orElseThrow();
        assertThat(test.p()).isCloseTo(0.021378, within(1e-5));
        // significant by the t-test, yet the means differ by 2.2 where the runs wobble by 2.8 and 2.0 a second
        assertThat(test.noise()).isTrue();
    }

    @Test
    void overlappingSecondsAreNoise() {
        double[] a = {1000, 1040, 980, 1010, 960, 1030, 990, 1020, 970, 1000};
        double[] b = {1010, 1050, 990, 1000, 970, 1040, 1000, 1030, 980, 1010};
        NoiseRule.Test test = NoiseRule.test(a, b).orElseThrow();
        assertThat(test.noise()).isTrue();
        assertThat(test.p()).isGreaterThan(0.05);
    }

    @Test
    void clearlySeparatedSecondsAreARealDifference() {
        double[] a = {1000, 1040, 980, 1010, 960, 1030, 990, 1020, 970, 1000};
        double[] b = Arrays.stream(a).map(x -> x * 1.3).toArray();
        NoiseRule.Test test = NoiseRule.test(a, b).orElseThrow();
        assertThat(test.noise()).isFalse();
        assertThat(test.p()).isLessThan(1e-6);
        assertThat(test.meanB()).isGreaterThan(test.meanA());
    }

    @Test
    void aDifferenceLargerThanTheSpreadButOnTooFewSecondsIsNoise() {
        // means 100 apart, spread ~70: larger than the spread, but two seconds a side cannot show it is not chance
        NoiseRule.Test test = NoiseRule.test(new double[] {950, 1050}, new double[] {1050, 1150})
                .orElseThrow();
        assertThat(test.p()).isGreaterThan(0.05);
        assertThat(test.noise()).isTrue();
    }

    @Test
    void constantSeriesDifferOnlyWhenTheirValuesDo() {
        assertThat(NoiseRule.test(new double[] {5, 5, 5}, new double[] {5, 5})
                        .orElseThrow()
                        .noise())
                .isTrue();
        assertThat(NoiseRule.test(new double[] {5, 5, 5}, new double[] {6, 6})
                        .orElseThrow()
                        .noise())
                .isFalse();
    }

    @Test
    void oneSecondIsNoSpreadToJudgeBy() {
        assertThat(NoiseRule.test(new double[] {5}, new double[] {6, 7})).isEmpty();
    }
}
