#!/bin/sh
# Cross-validated skill-mapping evaluation (SkillCrossValidation): repeated stratified 5-fold CV over TECH-val ∪
# HOUSE-val, every setting chosen inside the folds; prints mean ± sd of the held-out folds (also written to
# openler-skills/target/skills-cv.md). Vectors are kept in openler-skills/target/skill-vectors between runs, one file
# per model id (the quantized and unquantized MiniLM, bge and e5 never share a file).
# Switches (environment):
#   TEST=…               the harness (SkillStructureCrossValidation: the shipped procedure; TitleEvidenceCrossValidation;
#                        MeloEvaluation; SpanishEvaluation; QuantizationCost: the two MiniLMs' cost side by side)
#   BGE=true             bge-small-en-v1.5 families (without its query instruction)
#   BGE_INSTRUCTION=true bge with and without "Represent this sentence for searching relevant passages: " on the query,
#                        side by side (labels plain); in SkillStructureCrossValidation BGE=true does the same
#   E5=true              e5-small-v2 families
#   MINILM_FULL=true     the unquantized all-MiniLM-L6-v2 in the quantized one's place (83 MB jar, test scope)
#   ALTERNATIVES=true    SkillCrossValidation: MiniLM over alternative labels too
#   CACHE=dir            vector store, relative to openler-skills (default target/skill-vectors); give two runs at
#                        once separate stores: the files are append-only and not safe for two writers
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
exec ./mvnw -B -q -o -pl openler-skills -am test -Pskills-eval -Dspotless.check.skip=true \
  -Dtest="${TEST:-SkillCrossValidation}" -Dsurefire.failIfNoSpecifiedTests=false \
  -Dopenler.skills.eval.alternatives="${ALTERNATIVES:-false}" -Dopenler.skills.eval.bge="${BGE:-false}" \
  -Dopenler.skills.eval.e5="${E5:-false}" -Dopenler.skills.eval.bgeInstruction="${BGE_INSTRUCTION:-false}" \
  -Dopenler.skills.eval.minilmFull="${MINILM_FULL:-false}" \
  -Dopenler.skills.eval.cache="${CACHE:-target/skill-vectors}"
