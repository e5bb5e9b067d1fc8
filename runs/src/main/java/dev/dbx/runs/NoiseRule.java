package dev.dbx.runs;

import java.util.Optional;

/**
 * When a difference between two runs is a real one and not noise, judged on each run's own per-second values (e.g.
 * the operations of each second): it is real only when both hold —
 *
 * <ul>
 *   <li>Welch's t-test (unequal variances) finds the means differ: two-sided p &lt; {@value #ALPHA};
 *   <li>the means differ by more than the larger of the two runs' standard deviations per second.
 * </ul>
 *
 * The second condition is there because seconds are not independent samples (a slow stretch makes many slow seconds
 * in a row, and these machines are shared): with thirty seconds a side, the t-test alone calls a 2% wobble a win.
 */
public final class NoiseRule {
    public static final double ALPHA = 0.05;

    /** The rule in one line, for reports. */
    public static final String DESCRIPTION = "≈ noise: the difference is not real by Welch's t-test on the runs'"
            + " per-second values (p ≥ 0.05), or it is smaller than the larger run's own standard deviation per second";

    private NoiseRule() {}

    /**
     * The test's figures for two series.
     *
     * @param p Welch's two-sided p-value
     * @param noise whether the difference counts as noise by the rule
     */
    public record Test(double meanA, double meanB, double sdA, double sdB, double p, boolean noise) {}

    /** The rule applied to two series, or empty when either has fewer than two values (no spread to judge by). */
    public static Optional<Test> test(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2) {
            return Optional.empty();
        }
        double meanA = mean(a);
        double meanB = mean(b);
        double varA = variance(a, meanA);
        double varB = variance(b, meanB);
        double p = welchP(meanA, varA, a.length, meanB, varB, b.length);
        double spread = Math.sqrt(Math.max(varA, varB));
        boolean noise = p >= ALPHA || Math.abs(meanA - meanB) <= spread;
        return Optional.of(new Test(meanA, meanB, Math.sqrt(varA), Math.sqrt(varB), p, noise));
    }

    /** Welch's two-sided p-value for the difference of two means. */
    static double welchP(double meanA, double varA, int nA, double meanB, double varB, int nB) {
        double seA = varA / nA;
        double seB = varB / nB;
        double se = seA + seB;
        if (se == 0) {
            return meanA == meanB ? 1 : 0;
        }
        double t = (meanA - meanB) / Math.sqrt(se);
        double df = se * se / (seA * seA / (nA - 1) + seB * seB / (nB - 1));
        return studentTwoSidedP(t, df);
    }

    /** P(|T| ≥ |t|) for Student's t with df degrees of freedom: the regularized incomplete beta I(df/(df+t²); df/2, ½). */
    static double studentTwoSidedP(double t, double df) {
        return regularizedBeta(df / (df + t * t), df / 2, 0.5);
    }

    private static double mean(double[] xs) {
        double sum = 0;
        for (double x : xs) {
            sum += x;
        }
        return sum / xs.length;
    }

    /** The sample variance (n - 1). */
    private static double variance(double[] xs, double mean) {
        double sum = 0;
        for (double x : xs) {
            sum += (x - mean) * (x - mean);
        }
        return sum / (xs.length - 1);
    }

    /** I_x(a, b), by the continued fraction (Numerical Recipes, 6.4). */
    private static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
        return x < (a + 1) / (a + b + 2)
                ? front * continuedFraction(x, a, b) / a
                : 1 - front * continuedFraction(1 - x, b, a) / b;
    }

    private static double continuedFraction(double x, double a, double b) {
        double tiny = 1e-300;
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = 1 / (Math.abs(d) < tiny ? tiny : d);
        double h = d;
        for (int m = 1; m <= 300; m++) {
            int m2 = 2 * m;
            double even = m * (b - m) * x / ((a - 1 + m2) * (a + m2));
            d = 1 / nonZero(1 + even * d, tiny);
            c = nonZero(1 + even / c, tiny);
            h *= d * c;
            double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + 1 + m2));
            d = 1 / nonZero(1 + odd * d, tiny);
            c = nonZero(1 + odd / c, tiny);
            double step = d * c;
            h *= step;
            if (Math.abs(step - 1) < 1e-15) {
                break;
            }
        }
        return h;
    }

    private static double nonZero(double v, double tiny) {
        return Math.abs(v) < tiny ? tiny : v;
    }

    private static final double[] LANCZOS = {
        0.99999999999980993,
        676.5203681218851,
        -1259.1392167224028,
        771.32342877765313,
        -176.61502916214059,
        12.507343278686905,
        -0.13857109526572012,
        9.9843695780195716e-6,
        1.5056327351493116e-7
    };

    /** ln Γ(x) for x ≥ ½, by Lanczos' approximation (g = 7), good to about 15 digits. */
    private static double lnGamma(double x) {
        double z = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
