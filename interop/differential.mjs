// The JavaScript half of openler-standards' CanonicalDifferentialIT: many documents through jsonld.js + rdf-canonize
// exactly as digitalbazaar's eddsa-rdfc-2022 cryptosuite canonicalizes them (safe mode, base null, rdfDirection
// i18n-datatype, RDFC-1.0), in one process; then sign→verify both ways on a sample.
//
//   node differential.mjs --canonicalize DOCS.json --verify SIGNED.json --sign UNSIGNED.json --out DIR
//
// DOCS.json, SIGNED.json and UNSIGNED.json are JSON arrays. DIR receives canonical.jsonl (one line per document:
// {"nquads": "..."} or {"error": "..."}), verified.jsonl ({"verified": true|false, "error"?}) and signed.jsonl
// ({"signed": {...}} or {"error": "..."}). Offline (see offline.mjs): pinned contexts, did:key resolved locally.
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {parseArgs} from 'node:util';
import {offline} from './offline.mjs';

const {values: opt} = parseArgs({options: {
  canonicalize: {type: 'string'}, verify: {type: 'string'}, sign: {type: 'string'}, out: {type: 'string'}
}});
if(!opt.out) {
  console.error('usage: node differential.mjs --canonicalize DOCS.json [--verify S.json] [--sign U.json] --out DIR');
  process.exit(2);
}
console.log = console.info = console.warn = (...a) => process.stderr.write(a.join(' ') + '\n');

const {documentLoader} = await offline();
const {default: jsonld} = await import('jsonld');
const rdfCanonize = await import('rdf-canonize');
const {default: jsigs} = await import('jsonld-signatures');
const {DataIntegrityProof} = await import('@digitalbazaar/data-integrity');
const {cryptosuite} = await import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite');
const Ed25519Multikey = await import('@digitalbazaar/ed25519-multikey');
const {AssertionProofPurpose} = jsigs.purposes;

const read = file => JSON.parse(readFileSync(file, 'utf8'));
const message = e => (e?.details?.event?.code ? `${e.message} (${e.details.event.code})` : e?.message ?? String(e));

// The cryptosuite's own canonize(): the same options, spelled out so that we call the very same jsonld/rdf-canonize.
async function canonize(document) {
  const dataset = await jsonld.toRDF(document, {documentLoader, base: null, safe: true,
    rdfDirection: 'i18n-datatype', produceGeneralizedRdf: false});
  return rdfCanonize.canonize(dataset, {algorithm: 'RDFC-1.0', format: 'application/n-quads'});
}

if(opt.canonicalize) {
  const lines = [];
  const timing = {};
  for(const document of read(opt.canonicalize)) {
    const started = performance.now();
    try {
      lines.push(JSON.stringify({nquads: await canonize(document)}));
    } catch(e) {
      lines.push(JSON.stringify({error: message(e)}));
    }
    const kind = [].concat(document.type ?? []).join(',');
    timing[kind] = timing[kind] ?? {n: 0, ms: 0};
    timing[kind].n++;
    timing[kind].ms += performance.now() - started;
  }
  process.stderr.write(`canonicalize timing: ${JSON.stringify(timing)}\n`);
  writeFileSync(join(opt.out, 'canonical.jsonl'), lines.join('\n') + '\n');
}

if(opt.verify) {
  const lines = [];
  for(const document of read(opt.verify)) {
    try {
      const suite = new DataIntegrityProof({cryptosuite});
      const result = await jsigs.verify(document, {suite, purpose: new AssertionProofPurpose(), documentLoader});
      lines.push(JSON.stringify({verified: result.verified === true,
        error: result.verified ? undefined : message(result.error?.errors?.[0] ?? result.error)}));
    } catch(e) {
      lines.push(JSON.stringify({verified: false, error: message(e)}));
    }
  }
  writeFileSync(join(opt.out, 'verified.jsonl'), lines.join('\n') + '\n');
}

if(opt.sign) {
  const key = await Ed25519Multikey.generate();
  const did = `did:key:${key.publicKeyMultibase}`;
  key.controller = did;
  key.id = `${did}#${key.publicKeyMultibase}`;
  const lines = [];
  for(const document of read(opt.sign)) {
    try {
      const suite = new DataIntegrityProof({signer: key.signer(), cryptosuite});
      const signed = await jsigs.sign({...document, issuer: did},
        {suite, purpose: new AssertionProofPurpose(), documentLoader});
      lines.push(JSON.stringify({signed}));
    } catch(e) {
      lines.push(JSON.stringify({error: message(e)}));
    }
  }
  writeFileSync(join(opt.out, 'signed.jsonl'), lines.join('\n') + '\n');
}
