package io.blockwise.render;

import java.util.SplittableRandom;

/**
 * {@code noise}: white noise, uniform in [-1, 1) times {@code amp} (RMS {@code amp / sqrt 3}), from a
 * {@link SplittableRandom} with the source's own seed; or pink noise, that white noise through
 * Paul Kellet's refined pink filter (six one-pole sections plus a direct and a one-sample-delayed
 * term; within 0.05 dB of -3 dB/octave above 9.2 Hz at 44.1 kHz).
 *
 * <p>Pink normalisation: the filter is linear and time invariant, so for white input of variance
 * {@code s^2} its output has variance {@code s^2 * sum h[n]^2}, {@code h} its impulse response. That
 * sum has a closed form (see {@link #pinkPowerGain()}); dividing by its square root makes the
 * pink noise's long-run RMS equal to the white noise's at the same {@code amp} (its peaks are
 * higher: it is closer to Gaussian).
 *
 * <p>A strictly sequential state machine: one draw per frame, in frame order.
 */
final class NoiseSource implements SourceGenerator {
    // Kellet's refined filter: b_k = A_k b_k + G_k w for k = 0..5, pink = sum b + D0 w + D1 w[n-1].
    private static final double[] A = {0.99886, 0.99332, 0.96900, 0.86650, 0.55000, -0.7616};
    private static final double[] G = {0.0555179, 0.0750759, 0.1538520, 0.3104856, 0.5329522, -0.0168980};
    private static final double D0 = 0.5362;
    private static final double D1 = 0.115926;
    private static final double PINK_SCALE = 1 / Math.sqrt(pinkPowerGain());

    private final SplittableRandom random;
    private final double amp;
    private final boolean pink;
    private double b0, b1, b2, b3, b4, b5, b6;

    NoiseSource(long seed, boolean pink, double amp) {
        this.random = new SplittableRandom(seed);
        this.pink = pink;
        this.amp = amp;
    }

    @Override
    public void add(double[] buf, int off, long startFrame, int frames) {
        for (int i = 0; i < frames; i++) {
            double white = 2 * random.nextDouble() - 1;
            buf[off + i] += amp * (pink ? pink(white) * PINK_SCALE : white);
        }
    }

    private double pink(double w) {
        b0 = A[0] * b0 + w * G[0];
        b1 = A[1] * b1 + w * G[1];
        b2 = A[2] * b2 + w * G[2];
        b3 = A[3] * b3 + w * G[3];
        b4 = A[4] * b4 + w * G[4];
        b5 = A[5] * b5 + w * G[5];
        double out = b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * D0;
        b6 = w * D1;
        return out;
    }

    /**
     * {@code sum h[n]^2} of the pink filter, with {@code h[n] = sum_k G_k A_k^n + D0 d[n] + D1 d[n-1]}:
     * {@code sum_ij G_i G_j / (1 - A_i A_j) + 2 D0 sum_k G_k + 2 D1 sum_k G_k A_k + D0^2 + D1^2}.
     */
    static double pinkPowerGain() {
        double sum = D0 * D0 + D1 * D1;
        for (int i = 0; i < A.length; i++) {
            for (int j = 0; j < A.length; j++) {
                sum += G[i] * G[j] / (1 - A[i] * A[j]);
            }
            sum += 2 * D0 * G[i] + 2 * D1 * G[i] * A[i];
        }
        return sum;
    }
}
