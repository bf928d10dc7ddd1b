package dev.heed.tasks.seq2seq;

import java.util.List;

/**
 * Settings of a translation decoder. Immutable; validated on construction.
 *
 * @param type {@code gru} (a GRU with input feeding, Luong et al. 2015, attending by {@code attention}) or
 *     {@code transformer} (masked self-attention plus cross-attention by {@code attention}, Vaswani et al. 2017)
 * @param attention the cross-attention variant's name: {@code additive}, {@code dot}, {@code general},
 *     {@code local-p} for {@code gru}; {@code multi-head} (or another multi-head variant) for {@code transformer}
 * @param vocabSize rows of the target embedding and the output layer
 * @param embeddingDim size of the target embeddings ({@code gru}; the {@code transformer} uses {@code dim})
 * @param dim the decoder's state size (GRU hidden size, Transformer model size)
 * @param layers Transformer decoder layers ({@code gru}: 1)
 * @param heads Transformer attention heads
 * @param ffnDim Transformer feed-forward size
 * @param attentionDim size of the scoring layer of {@code additive} and {@code local-p}
 * @param window {@code local-p}: half-width D of the window
 * @param dropout dropout during training
 * @param tiedEmbeddings the output layer shares the target embedding table (needs {@code embeddingDim == dim}
 *     for {@code gru})
 * @param maxLength the longest target, in tokens, the decoder produces
 * @param copy a pointer-generator (See et al. 2017, <a href="https://arxiv.org/abs/1704.04368">arXiv:1704.04368</a>):
 *     the next token's distribution is {@code p_gen x P_vocab + (1 - p_gen) x} the cross-attention scattered onto
 *     the source tokens' ids, {@code p_gen = sigmoid(w_c c_t + w_s s_t + w_x x_t + b)} ({@code gru}; the
 *     {@code transformer} copies by its last layer's cross-attention, see {@link TransformerDecoder}); needs one
 *     vocabulary shared by source and target
 * @param coverage the coverage vector (the sum of the attention of the steps before) enters the attention's
 *     scores, {@code v tanh(W_k k_i + W_q s_t + w_cov c_ti)}, and the coverage loss can be applied (See et al.
 *     2017, section 2.3); needs {@code additive} attention on the {@code gru} decoder
 */
public record DecoderConfig(String type, String attention, int vocabSize, int embeddingDim, int dim, int layers,
        int heads, int ffnDim, int attentionDim, int window, float dropout, boolean tiedEmbeddings, int maxLength,
        boolean copy, boolean coverage) {

    /** The decoder types there are. */
    public static final List<String> TYPES = List.of("gru", "transformer");

    public DecoderConfig {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("decoder type must be one of " + TYPES + ", got '" + type + "'");
        }
        if (vocabSize < 5 || embeddingDim < 1 || dim < 1 || layers < 1 || heads < 1 || ffnDim < 1
                || attentionDim < 1 || window < 1 || maxLength < 2) {
            throw new IllegalArgumentException("decoder sizes must be positive (vocabSize >= 5, maxLength >= 2)");
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (type.equals("transformer") && dim % heads != 0) {
            throw new IllegalArgumentException("transformer decoder dim " + dim + " is not divisible by heads " + heads);
        }
        if (coverage && !type.equals("gru")) {
            throw new IllegalArgumentException("coverage is built for the gru decoder, not " + type);
        }
        if (coverage && !attention.equals("additive")) {
            throw new IllegalArgumentException("coverage needs additive attention (it enters the tanh layer), got "
                    + attention);
        }
        if (tiedEmbeddings && type.equals("gru") && embeddingDim != dim) {
            throw new IllegalArgumentException("tied embeddings need embeddingDim == dim, got " + embeddingDim
                    + " and " + dim);
        }
    }

    /** The defaults of RNNsearch as trained here: a 512 GRU, additive attention of 256, 256-dim embeddings. */
    public static DecoderConfig gru(int vocabSize, String attention) {
        return new DecoderConfig("gru", attention, vocabSize, 256, 512, 1, 1, 1, 256, 10, 0.3f, false, 200, false, false);
    }

    /** A small Transformer decoder: 3 layers of 256, 4 heads, FFN 1024, tied output. */
    public static DecoderConfig transformer(int vocabSize) {
        return new DecoderConfig("transformer", "multi-head", vocabSize, 256, 256, 3, 4, 1024, 256, 10, 0.1f, true,
                200, false, false);
    }

    /** This config with decoder size {@code dim} (a GRU decoder matches its encoder's states by default). */
    public DecoderConfig withDim(int newDim) {
        return new DecoderConfig(type, attention, vocabSize, embeddingDim, newDim, layers, heads, ffnDim, attentionDim,
                window, dropout, tiedEmbeddings, maxLength, copy, coverage);
    }

    /** This config with cross-attention {@code name}. */
    public DecoderConfig withAttention(String name) {
        return new DecoderConfig(type, name, vocabSize, embeddingDim, dim, layers, heads, ffnDim, attentionDim, window,
                dropout, tiedEmbeddings, maxLength, copy, coverage);
    }
}
