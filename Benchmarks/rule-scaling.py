#!/usr/bin/env python3
"""Writes a lexicon with N times the built-in rules, for measuring how matching cost grows with
the number of rules (Benchmarks/rule-scaling.sh).

Each generated rule copies the shape of a built-in rule (its patterns, classes, gaps, focus,
exceptions, sentence requirements, negation and overlap policies) with the literal words replaced by distinct words of journal-like text, drawn
uniformly, so the new rules are as complex as real ones and some fire on ordinary sentences.

    python3 Benchmarks/rule-scaling.py COPIES CORPUS.txt > generated.shades
"""
import random
import re
import sys
from pathlib import Path

copies = int(sys.argv[1])
corpus = Path(sys.argv[2]).read_text(encoding="utf-8", errors="replace")[:2_000_000]
# Distinct words, drawn uniformly: like a lexicon author's choices, mostly not the commonest words.
vocabulary = sorted({w for w in re.findall(r"[a-z]+", corpus.lower()) if len(w) > 1})
random.seed(42)

lexicons = Path(__file__).resolve().parent.parent / "Lexicons"
rules = []
for path in sorted(lexicons.glob("*.shades")):
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("rule "):
            current = {"patterns": [], "excepts": [], "requires": [], "category": None, "negation": None, "overlap": None}
            rules.append(current)
        elif not line.startswith((" ", "\t")):
            current = None
        elif current is not None:
            field, _, value = line.strip().partition(": ")
            if field == "pattern":
                current["patterns"].append(value)
            elif field == "except":
                current["excepts"].append(value)
            elif field == "requires":
                current["requires"].append(value)
            elif field in ("negation", "overlap"):
                current[field] = value
            elif field == "category":
                current["category"] = value

word = re.compile(r"(?<![@\w{,'*-])([a-z][a-z']*)(?![\w*}-])")

def shuffled(pattern):
    return word.sub(lambda _: random.choice(vocabulary), pattern)

out = []
for copy in range(copies):
    for index, rule in enumerate(rules):
        if rule["category"] == "safety" or not rule["patterns"]:
            continue
        out.append(f"rule generated.r{copy}-{index}")
        out.append(f"  category: {rule['category']}")
        for pattern in rule["patterns"]:
            out.append(f"  pattern: {shuffled(pattern)}")
        for pattern in rule["excepts"]:
            out.append(f"  except: {shuffled(pattern)}")
        for pattern in rule["requires"]:
            out.append(f"  requires: {shuffled(pattern)}")
        if rule["negation"]:
            out.append(f"  negation: {rule['negation']}")
        out.append("  message: A generated rule, for measuring.")
        out.append("  suggest: something gentler")
        out.append("  source: Shades team (generated)")
        out.append(f"  overlap: {rule['overlap'] or 'stand'}")
        out.append("  match: generated")
        out.append("")
print("\n".join(out))
