"""The peer of `heed embed`: HF transformers (PyTorch) over the same model files and sentences, whole process.

Reads one sentence a line, sorts by token count, embeds in batches (mean pooling over the mask, L2-normalized, as
sentence-transformers' all-MiniLM-L6-v2 does), writes the vectors as JSON lines in input order.
Usage: hf_embed.py MODEL_DIR INPUT OUTPUT BATCH THREADS
"""
import json
import sys

import torch
from tokenizers import Tokenizer
from transformers import BertModel

model_dir, input_path, output_path, batch, threads = sys.argv[1:6]
batch, threads = int(batch), int(threads)
if threads > 0:
    torch.set_num_threads(threads)
tokenizer = Tokenizer.from_file(model_dir + "/tokenizer.json")
tokenizer.no_padding()
tokenizer.enable_truncation(512)
model = BertModel.from_pretrained(model_dir).eval()
lines = open(input_path, encoding="utf-8").read().splitlines()
encodings = tokenizer.encode_batch(lines)
order = sorted(range(len(lines)), key=lambda i: len(encodings[i].ids))
vectors = [None] * len(lines)
with torch.inference_mode():
    for start in range(0, len(order), batch):
        rows = order[start:start + batch]
        length = max(len(encodings[i].ids) for i in rows)
        ids = torch.zeros((len(rows), length), dtype=torch.long)
        mask = torch.zeros((len(rows), length), dtype=torch.long)
        for r, i in enumerate(rows):
            n = len(encodings[i].ids)
            ids[r, :n] = torch.tensor(encodings[i].ids)
            mask[r, :n] = 1
        states = model(input_ids=ids, attention_mask=mask).last_hidden_state
        m = mask.unsqueeze(-1).float()
        pooled = (states * m).sum(1) / m.sum(1).clamp(min=1e-9)
        pooled = torch.nn.functional.normalize(pooled, dim=1)
        for r, i in enumerate(rows):
            vectors[i] = pooled[r].tolist()
with open(output_path, "w", encoding="utf-8") as out:
    for v in vectors:
        out.write(json.dumps({"vector": v}) + "\n")
