#!/bin/sh
# Cross-validated skill-mapping evaluation (SkillCrossValidation): repeated stratified 5-fold CV over TECH-val ∪
# HOUSE-val, every setting chosen inside the folds; prints mean ± sd of the held-out folds (also written to
# openler-skills/target/skills-cv.md). Vectors are kept in openler-skills/target/skill-vectors between runs.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
exec ./mvnw -B -q -o -pl openler-skills -am test -Pskills-eval -Dspotless.check.skip=true \
  -Dtest="${TEST:-SkillCrossValidation}" -Dsurefire.failIfNoSpecifiedTests=false \
  -Dopenler.skills.eval.alternatives="${ALTERNATIVES:-false}" -Dopenler.skills.eval.bge="${BGE:-false}" \
  -Dopenler.skills.eval.e5="${E5:-false}" -Dopenler.skills.eval.bgeInstruction="${BGE_INSTRUCTION:-false}" \
  -Dopenler.skills.eval.minilmFull="${MINILM_FULL:-false}" \
  -Dopenler.skills.eval.cache="${CACHE:-target/skill-vectors}"
