package dev.heed.attention;

import java.util.function.Function;

/** The providers of Heed's eight attention variants. */
public final class BuiltInAttentions {

    private BuiltInAttentions() {
    }

    private abstract static class Named implements AttentionProvider {
        private final String name;
        private final Function<AttentionConfig, AttentionBlock> factory;

        Named(String name, Function<AttentionConfig, AttentionBlock> factory) {
            this.name = name;
            this.factory = factory;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public AttentionBlock create(AttentionConfig config) {
            return factory.apply(config);
        }
    }

    public static final class Additive extends Named {
        public Additive() {
            super(AdditiveAttention.NAME, AdditiveAttention::new);
        }
    }

    public static final class Dot extends Named {
        public Dot() {
            super(DotAttention.NAME, DotAttention::new);
        }
    }

    public static final class General extends Named {
        public General() {
            super(GeneralAttention.NAME, GeneralAttention::new);
        }
    }

    public static final class ScaledDot extends Named {
        public ScaledDot() {
            super(ScaledDotAttention.NAME, ScaledDotAttention::new);
        }
    }

    public static final class MultiHead extends Named {
        public MultiHead() {
            super(MultiHeadAttention.NAME, MultiHeadAttention::new);
        }
    }

    public static final class LocalP extends Named {
        public LocalP() {
            super(LocalPAttention.NAME, LocalPAttention::new);
        }
    }

    public static final class SlidingWindow extends Named {
        public SlidingWindow() {
            super(SlidingWindowAttention.NAME, SlidingWindowAttention::new);
        }
    }

    public static final class Linear extends Named {
        public Linear() {
            super(LinearAttention.NAME, LinearAttention::new);
        }
    }
}
