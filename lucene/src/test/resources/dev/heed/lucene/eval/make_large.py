# Writes large.qrels and large.run: 4 queries, 1,200 documents each (so cuts at 10, 100 and 1000 all bite), scores
# falling with the rank, rounded to 1 decimal so ties are many, relevance levels 0-2, relevant documents below rank 1000 and unretrieved.
import random
r = random.Random(15)
with open("large.qrels", "w") as q, open("large.run", "w") as run:
    for qi in range(1, 5):
        qid = f"L{qi}"
        docs = [f"doc{r.randrange(100000):05d}" for _ in range(1400)]
        docs = list(dict.fromkeys(docs))[:1300]
        retrieved = docs[:1200]
        for rank, d in enumerate(retrieved, 1):
            run.write(f"{qid} Q0 {d} {rank} {round(30 - rank * 0.02 + r.uniform(-1, 1), 1)} large\n")
        for d in dict.fromkeys(r.sample(docs[:30], 10) + r.sample(docs, 30)):
            q.write(f"{qid} 0 {d} {r.choice([0, 1, 1, 2])}\n")
