package dev.heed.attention;

/**
 * Plain-Java reference implementations of the eight variants, loop by loop from their papers' formulas,
 * for the golden tests. Inputs {@code [B][L][D]}; weights row-major {@code (out, in)} as DJL stores them.
 */
final class ReferenceAttention {

    /** Context {@code [B][T][Dout]} and weights {@code [B][H][T][S]} (null for linear). */
    record Result(double[][][] context, double[][][][] weights) {
    }

    private final float[][][] q;
    private final float[][][] kv;
    private final int[] lengths;

    ReferenceAttention(float[] queries, float[] keysAndValues, int batch, int length, int dim, int[] lengths) {
        this.q = unflatten(queries, batch, length, dim);
        this.kv = unflatten(keysAndValues, batch, length, dim);
        this.lengths = lengths;
    }

    static float[][][] unflatten(float[] flat, int b, int l, int d) {
        float[][][] out = new float[b][l][d];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < l; j++) {
                System.arraycopy(flat, (i * l + j) * d, out[i][j], 0, d);
            }
        }
        return out;
    }

    static double[] linear(float[] w, float[] bias, double[] x) {
        int out = w.length / x.length;
        double[] y = new double[out];
        for (int o = 0; o < out; o++) {
            double s = bias == null ? 0 : bias[o];
            for (int i = 0; i < x.length; i++) {
                s += w[o * x.length + i] * x[i];
            }
            y[o] = s;
        }
        return y;
    }

    static double[] d(float[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i];
        }
        return y;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Softmax over the entries where {@code visible}; the others (and an empty row) are 0. */
    static double[] softmax(double[] scores, boolean[] visible) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < scores.length; i++) {
            if (visible[i]) {
                max = Math.max(max, scores[i]);
            }
        }
        double[] w = new double[scores.length];
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            if (visible[i]) {
                w[i] = Math.exp(scores[i] - max);
                sum += w[i];
            }
        }
        for (int i = 0; i < scores.length && sum > 0; i++) {
            w[i] /= sum;
        }
        return w;
    }

    interface Scorer {
        /** The score of query t of item b against key s. */
        double score(int b, int t, int s);
    }

    interface Visibility {
        boolean visible(int b, int t, int s);
    }

    private Result singleHead(Scorer scorer, Visibility visibility) {
        int batch = q.length;
        int length = q[0].length;
        int dim = kv[0][0].length;
        double[][][] context = new double[batch][length][dim];
        double[][][][] weights = new double[batch][1][length][length];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < length; t++) {
                double[] scores = new double[length];
                boolean[] visible = new boolean[length];
                for (int s = 0; s < length; s++) {
                    visible[s] = visibility.visible(b, t, s);
                    scores[s] = visible[s] ? scorer.score(b, t, s) : 0;
                }
                double[] w = softmax(scores, visible);
                weights[b][0][t] = w;
                for (int s = 0; s < length; s++) {
                    for (int k = 0; k < dim; k++) {
                        context[b][t][k] += w[s] * kv[b][s][k];
                    }
                }
            }
        }
        return new Result(context, weights);
    }

    private boolean real(int b, int s) {
        return s < lengths[b];
    }

    Result additive(float[] wq, float[] wk, float[] bk, float[] v) {
        return singleHead((b, t, s) -> {
            double[] a = linear(wq, null, d(q[b][t]));
            double[] k = linear(wk, bk, d(kv[b][s]));
            double score = 0;
            for (int i = 0; i < a.length; i++) {
                score += v[i] * Math.tanh(a[i] + k[i]);
            }
            return score;
        }, (b, t, s) -> real(b, s));
    }

    Result dot() {
        return singleHead((b, t, s) -> dot(d(q[b][t]), d(kv[b][s])), (b, t, s) -> real(b, s));
    }

    Result scaledDot() {
        return singleHead((b, t, s) -> dot(d(q[b][t]), d(kv[b][s])) / Math.sqrt(kv[0][0].length),
                (b, t, s) -> real(b, s));
    }

    Result general(float[] wa) {
        return singleHead((b, t, s) -> dot(d(q[b][t]), linear(wa, null, d(kv[b][s]))), (b, t, s) -> real(b, s));
    }

    Result localP(float[] wa, float[] wp, float[] vp, int window) {
        double sigma = window / 2.0;
        double[][] centre = new double[q.length][q[0].length];
        for (int b = 0; b < q.length; b++) {
            for (int t = 0; t < q[0].length; t++) {
                double[] h = linear(wp, null, d(q[b][t]));
                double z = 0;
                for (int i = 0; i < h.length; i++) {
                    z += vp[i] * Math.tanh(h[i]);
                }
                centre[b][t] = (lengths[b] - 1) / (1 + Math.exp(-z));
            }
        }
        return singleHead((b, t, s) -> dot(d(q[b][t]), linear(wa, null, d(kv[b][s])))
                        - (s - centre[b][t]) * (s - centre[b][t]) / (2 * sigma * sigma),
                (b, t, s) -> real(b, s) && Math.abs(s - centre[b][t]) <= window);
    }

    /** The projection weights of a multi-head variant: query, key, value and output weight and bias. */
    record Projections(float[] wq, float[] bq, float[] wk, float[] bk, float[] wv, float[] bv, float[] wo, float[] bo) {
    }

    Result multiHead(Projections p, int heads, Visibility visibility, boolean linearKernel) {
        int batch = q.length;
        int length = q[0].length;
        int hidden = p.bq().length;
        int dh = hidden / heads;
        double[][][] context = new double[batch][length][];
        double[][][][] weights = new double[batch][heads][length][length];
        for (int b = 0; b < batch; b++) {
            double[][] qs = new double[length][];
            double[][] ks = new double[length][];
            double[][] vs = new double[length][];
            for (int i = 0; i < length; i++) {
                qs[i] = linear(p.wq(), p.bq(), d(q[b][i]));
                ks[i] = linear(p.wk(), p.bk(), d(kv[b][i]));
                vs[i] = linear(p.wv(), p.bv(), d(kv[b][i]));
            }
            for (int t = 0; t < length; t++) {
                double[] merged = new double[hidden];
                for (int h = 0; h < heads; h++) {
                    int from = h * dh;
                    double[] qh = java.util.Arrays.copyOfRange(qs[t], from, from + dh);
                    if (linearKernel) {
                        double[] phiQ = phi(qh);
                        double den = 0;
                        for (int s = 0; s < length; s++) {
                            if (!real(b, s)) {
                                continue;
                            }
                            double sim = dot(phiQ, phi(java.util.Arrays.copyOfRange(ks[s], from, from + dh)));
                            den += sim;
                            for (int k = 0; k < dh; k++) {
                                merged[from + k] += sim * vs[s][from + k];
                            }
                        }
                        for (int k = 0; k < dh; k++) {
                            merged[from + k] /= den + 1e-6;
                        }
                        continue;
                    }
                    double[] scores = new double[length];
                    boolean[] visible = new boolean[length];
                    for (int s = 0; s < length; s++) {
                        visible[s] = visibility.visible(b, t, s);
                        scores[s] = dot(qh, java.util.Arrays.copyOfRange(ks[s], from, from + dh)) / Math.sqrt(dh);
                    }
                    double[] w = softmax(scores, visible);
                    weights[b][h][t] = w;
                    for (int s = 0; s < length; s++) {
                        for (int k = 0; k < dh; k++) {
                            merged[from + k] += w[s] * vs[s][from + k];
                        }
                    }
                }
                context[b][t] = linear(p.wo(), p.bo(), merged);
            }
        }
        return new Result(context, linearKernel ? null : weights);
    }

    Result multiHead(Projections p, int heads) {
        return multiHead(p, heads, (b, t, s) -> real(b, s), false);
    }

    Result slidingWindow(Projections p, int heads, int window) {
        return multiHead(p, heads, (b, t, s) -> real(b, s) && Math.abs(t - s) <= window, false);
    }

    Result linear(Projections p, int heads) {
        return multiHead(p, heads, null, true);
    }

    private static double[] phi(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] > 0 ? x[i] + 1 : Math.exp(x[i]);
        }
        return y;
    }
}
