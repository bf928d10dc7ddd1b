"""How much a lower-precision dtype would buy Heed's BERT encoder, measured in PyTorch itself.

all-MiniLM-L6-v2 (the same files as Heed's model cache) on one intra-op thread, a batch of 32 x 28 random word-piece
ids, in inference mode: the mean time of 8 forward passes after one warm-up, in float32 and in DTYPE (bfloat16 or
float16), and the smallest cosine between the two runs' mean-pooled vectors.
Usage: python dtype_probe.py MODEL_DIR [bfloat16|float16]
"""
import sys
import time

import torch
from transformers import AutoModel

torch.set_num_threads(1)
torch.manual_seed(0)
model_dir = sys.argv[1]
dtype = getattr(torch, sys.argv[2] if len(sys.argv) > 2 else "bfloat16")
ids = torch.randint(1000, 20000, (32, 28))
mask = torch.ones_like(ids)


def timed(model, passes=8):
    with torch.inference_mode():
        model(input_ids=ids, attention_mask=mask)
        start = time.perf_counter()
        for _ in range(passes):
            out = model(input_ids=ids, attention_mask=mask).last_hidden_state
        return (time.perf_counter() - start) / passes, out


t32, out32 = timed(AutoModel.from_pretrained(model_dir).eval())
tlow, outlow = timed(AutoModel.from_pretrained(model_dir).eval().to(dtype))
cosine = torch.nn.functional.cosine_similarity(out32.mean(1), outlow.float().mean(1), dim=-1)
print(f"float32 {t32 * 1000:.1f} ms, {sys.argv[2] if len(sys.argv) > 2 else 'bfloat16'} {tlow * 1000:.1f} ms a batch;"
      f" speed-up {t32 / tlow:.2f}; smallest cosine {cosine.min():.5f}")
