#!/bin/bash
cd /work/main
for s in 1M 2.5M 5M 10M; do
  echo "=== $s start $(date -u +%T) $(uptime)"
  .venv/bin/python benchmarks/scale_counts.py --corpus /tmp/bigprose/prose-$s --rounds 2 --steps keyness,countvectorizer --json /tmp/bigprose/bench-$s.json > /tmp/bigprose/bench-$s.out 2> /tmp/bigprose/bench-$s.err
  echo "rc=$?"
  echo "=== $s end $(date -u +%T) $(uptime)"
done
