// Verifies one credential or presentation with two independent JavaScript verifiers, offline:
//   digitalbazaar (@digitalbazaar/vc + data-integrity + eddsa-rdfc-2022) and DCC (@digitalcredentials/verifier-core).
//
//   node crosscheck.mjs FILE [--documents DOCS.json] [--challenge C] [--domain D]
//   node crosscheck.mjs FILE --bench SECONDS     (digitalbazaar verifications per second, after an equal warm-up)
//
// Offline (see offline.mjs): JSON-LD contexts are the exact files openler-standards bundles; DOCS.json maps URLs to
// JSON documents (did:web did.json files, status list credentials); did:key is resolved locally; fetch is replaced.
// Prints one JSON line per verifier; exits 0 only when every verifier says verified.
import {readFileSync} from 'node:fs';
import {parseArgs} from 'node:util';
import {offline} from './offline.mjs';

const {values: opt, positionals} = parseArgs({allowPositionals: true, options: {
  documents: {type: 'string'}, challenge: {type: 'string'}, domain: {type: 'string'}, bench: {type: 'string'}
}});
if(positionals.length !== 1) {
  console.error('usage: node crosscheck.mjs FILE [--documents DOCS.json] [--challenge C] [--domain D]');
  process.exit(2);
}
// Library chatter goes to stderr; stdout carries only our JSON lines.
console.log = console.info = console.warn = (...a) => process.stderr.write(a.join(' ') + '\n');

const {documentLoader} = await offline(opt.documents);

const doc = JSON.parse(readFileSync(positionals[0], 'utf8'));
const isPresentation = [].concat(doc.type ?? []).includes('VerifiablePresentation');
const challenge = opt.challenge ?? [].concat(doc.proof ?? []).find(p => p?.challenge)?.challenge;
const errorsOf = (...xs) => xs.flat(3).filter(Boolean).map(e => e.message ?? String(e));

async function digitalbazaar() {
  const vc = await import('@digitalbazaar/vc');
  const {DataIntegrityProof} = await import('@digitalbazaar/data-integrity');
  const {cryptosuite} = await import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite');
  const {checkStatus: bslCheckStatus} = await import('@digitalbazaar/vc-bitstring-status-list');
  const suite = new DataIntegrityProof({cryptosuite});
  // checkStatus reports the bit without failing; a set revocation/suspension bit means "not verified" here.
  const checkStatus = async options => {
    const result = await bslCheckStatus({...options, verifyMatchingIssuers: true});
    const set = (result.results ?? []).filter(r => r.status === true);
    return set.length ? {verified: false, error: new Error(`status bit set (${set.map(r =>
      r.credentialStatus.statusPurpose).join(', ')})`)} : result;
  };
  const result = isPresentation
    ? await vc.verify({presentation: doc, suite, documentLoader, checkStatus, challenge, domain: opt.domain,
      unsignedPresentation: !doc.proof})
    : await vc.verifyCredential({credential: doc, suite, documentLoader, checkStatus});
  const errors = result.verified ? [] : errorsOf(result.error, (result.results ?? []).map(r => r.error),
    result.statusResult?.error, (result.credentialResults ?? []).map(r => [r.error, r.statusResult?.error]),
    result.presentationResult?.results?.map(r => r.error));
  return {verifier: 'digitalbazaar', verified: result.verified === true, errors};
}

async function dcc() {
  const core = await import('@digitalcredentials/verifier-core');
  const verdict = r => {
    if(r?.errors?.length) {
      return errorsOf(r.errors);
    }
    const log = r?.log ?? [];
    const required = ['valid_signature', 'expiration', 'revocation_status'];
    // Every status entry is a step of its own (revocation_status, suspension_status): a set bit in any fails.
    const problems = log.filter(e => (required.includes(e.id) || e.id.endsWith('_status')) && e.valid !== true)
      .map(e => `${e.id}: not valid`);
    if(!log.some(e => e.id === 'valid_signature' && e.valid === true)) {
      problems.push('valid_signature: missing');
    }
    return problems;
  };
  let errors;
  if(isPresentation) {
    const r = await core.verifyPresentation({presentation: doc, challenge, unsignedPresentation: !doc.proof,
      knownDIDRegistries: []});
    errors = [...errorsOf(r.errors ?? []), ...(r.credentialResults ?? []).flatMap(verdict)];
    const signature = r.presentationResult?.signature;
    if(doc.proof && signature !== 'valid') {
      // verifier-core 1.0.0-beta.11 checks presentation proofs as assertionMethod; holder proofs are authentication.
      errors.push(`presentation signature: ${signature}`);
    }
  } else {
    errors = verdict(await core.verifyCredential({credential: doc, knownDIDRegistries: []}));
  }
  return {verifier: 'dcc-verifier-core', verified: errors.length === 0, errors};
}

if(opt.bench) {
  // Throughput of digitalbazaar's verifier on this one document, single-threaded like the JMH benchmark.
  const seconds = Number(opt.bench);
  const loop = async ms => {
    let n = 0;
    const end = Date.now() + ms;
    while(Date.now() < end) {
      const r = await digitalbazaar();
      if(!r.verified) {
        throw new Error('benchmark document does not verify: ' + r.errors.join('; '));
      }
      n++;
    }
    return n;
  };
  await loop(seconds * 1000);
  const started = process.hrtime.bigint();
  const n = await loop(seconds * 1000);
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(JSON.stringify({verifier: 'digitalbazaar', operations: n, seconds: elapsed,
    opsPerSecond: n / elapsed}) + '\n');
  process.exit(0);
}

let ok = true;
for(const run of [digitalbazaar, dcc]) {
  let line;
  try {
    line = await run();
  } catch(e) {
    line = {verifier: run.name, verified: false, errors: [e.message]};
  }
  ok &&= line.verified;
  process.stdout.write(JSON.stringify(line) + '\n');
}
process.exit(ok ? 0 : 1);
