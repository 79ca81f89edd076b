#!/bin/sh
# Skill-text mapping evaluation (Decorte et al.'s protocol; see eval/benchmarks/skill-extraction-decorte/SOURCE.md):
# ranks all ESCO skill labels for every sentence of TECH-val and HOUSE-val with each variant of the engine and prints
# RP@1/5/10 and MRR (also written to openler-skills/target/skills-eval.md). Choices are made on TECH-val only.
#   scripts/eval-skills.sh                 every variant (the first run embeds ~100,000 ESCO labels: long)
#   QUICK=1 scripts/eval-skills.sh         lexical, semantic on preferred labels, fusion (embeds ~14,000 labels once)
#   MODELS=all-minilm-l6-v2-q,bge-small-en-v1.5-q scripts/eval-skills.sh
# Vectors are kept in openler-skills/target/skill-vectors between runs.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
all=true
[ -n "${QUICK:-}" ] && all=false
exec ./mvnw -B -q -pl openler-skills -am test -Pskills-eval -Dspotless.check.skip=true \
  -Dtest=SkillExtractionEvaluation -Dsurefire.failIfNoSpecifiedTests=false \
  -Dopenler.skills.eval.all="$all" -Dopenler.skills.eval.models="${MODELS:-all-minilm-l6-v2-q}"
