// digitalbazaar's issue and verify (@digitalbazaar/vc + data-integrity + eddsa-rdfc-2022), single-threaded, over the
// stream openler-benchmarks' DistinctCredentialBenchmarks writes (DistinctCredentialBenchmarks.main DIR), offline:
//
//   node bench-distinct.mjs DIR SECONDS [distinct|repeated]
//
// DIR/signed.jsonl is verified as is; DIR/unsigned.jsonl is issued with a fresh did:key of its own (the issuer's id
// replaced). "repeated" uses the first credential only. After an equal warm-up, prints one JSON line per operation
// with operations per wall-second and per CPU-second (process.cpuUsage: user + system of the whole process).
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {offline} from './offline.mjs';

const [dir, secondsText, stream = 'distinct'] = process.argv.slice(2);
const seconds = Number(secondsText);
console.log = console.info = console.warn = (...a) => process.stderr.write(a.join(' ') + '\n');

const {documentLoader} = await offline();
const vc = await import('@digitalbazaar/vc');
const {DataIntegrityProof} = await import('@digitalbazaar/data-integrity');
const {cryptosuite} = await import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite');
const Ed25519Multikey = await import('@digitalbazaar/ed25519-multikey');

const read = file => readFileSync(join(dir, file), 'utf8').split('\n').filter(l => l.trim()).map(l => JSON.parse(l));
let signed = read('signed.jsonl');
let unsigned = read('unsigned.jsonl');
if(stream === 'repeated') {
  signed = signed.slice(0, 1);
  unsigned = unsigned.slice(0, 1);
}
const key = await Ed25519Multikey.generate();
const did = `did:key:${key.publicKeyMultibase}`;
key.controller = did;
key.id = `${did}#${key.publicKeyMultibase}`;
unsigned = unsigned.map(c => ({...c, issuer: {...c.issuer, id: did}}));

const verifySuite = new DataIntegrityProof({cryptosuite});
let i = 0;
const operations = {
  async verify() {
    const credential = signed[i++ % signed.length];
    const r = await vc.verifyCredential({credential, suite: verifySuite, documentLoader});
    if(!r.verified) {
      throw new Error('does not verify: ' + JSON.stringify(r.error ?? r.results?.map(x => x.error?.message)));
    }
  },
  async issue() {
    const credential = unsigned[i++ % unsigned.length];
    const suite = new DataIntegrityProof({signer: key.signer(), cryptosuite});
    await vc.issue({credential, suite, documentLoader});
  }
};

for(const [name, op] of Object.entries(operations)) {
  const loop = async ms => {
    let n = 0;
    const end = Date.now() + ms;
    while(Date.now() < end) {
      await op();
      n++;
    }
    return n;
  };
  await loop(seconds * 1000);
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const n = await loop(seconds * 1000);
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  process.stdout.write(JSON.stringify({library: 'digitalbazaar', operation: name, stream, count: signed.length,
    operations: n, seconds: elapsed, cpuSeconds, opsPerSecond: n / elapsed, opsPerCpuSecond: n / cpuSeconds}) + '\n');
}
process.exit(0);
