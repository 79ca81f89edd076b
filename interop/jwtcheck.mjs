// Cross-checks an Open Badges 3.0 VC-JWT (§8.2) offline with code independent of OpenLER's (Nimbus, BouncyCastle):
//
//   node jwtcheck.mjs FILE [--documents DOCS.json]      FILE holds the compact JWS
//
// Neither digitalbazaar's @digitalbazaar/vc nor DCC's verifier-core verifies VC-JWTs (both are Data Integrity only),
// so the checks are composed from independent parts, each named in the output:
//   jose       header (alg ES256 or RS256, never "none"), the kid a DID URL under the iss DID naming a JsonWebKey
//              method of the issuer's did:web document that is listed under assertionMethod; the signature verified
//              by node:crypto (OpenSSL) with that publicKeyJwk
//   claims     iss, jti, sub, nbf, exp agree with the vc claim (OB 3.0 §8.2.4.2); nbf/exp hold now
//   dataModel  digitalbazaar @digitalbazaar/vc _checkCredential on the vc claim (VC DM context, type, subject,
//              issuer, validFrom/validUntil)
//   status     digitalbazaar @digitalbazaar/vc-bitstring-status-list checkStatus: the status list credential's Data
//              Integrity proof (eddsa-rdfc-2022) verified, issuers matching, and the credential's bit not set
// Prints one JSON line {"verifier":"jwtcheck", "verified", "checks", "errors"}; exits 0 only when verified.
import {createPublicKey, verify} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {parseArgs} from 'node:util';
import {offline} from './offline.mjs';

const {values: opt, positionals} = parseArgs({allowPositionals: true, options: {documents: {type: 'string'}}});
if(positionals.length !== 1) {
  console.error('usage: node jwtcheck.mjs FILE [--documents DOCS.json]');
  process.exit(2);
}
console.log = console.info = console.warn = (...a) => process.stderr.write(a.join(' ') + '\n');

const {lookup, didWebUrl, documentLoader} = await offline(opt.documents);
const compact = readFileSync(positionals[0], 'utf8').trim();
const checks = {};
const errors = [];
const check = async (name, fn) => {
  try {
    await fn();
    checks[name] = 'passed';
  } catch(e) {
    checks[name] = 'failed';
    errors.push(`${name}: ${e.message}`);
  }
};
const json = part => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

const parts = compact.split('.');
let header = {}, claims = {};
try {
  if(parts.length !== 3) {
    throw new Error('a compact JWS has three parts');
  }
  header = json(parts[0]);
  claims = json(parts[1]);
} catch(e) {
  errors.push(`parsing: ${e.message}`);
}
const vc = claims.vc ?? {};

await check('jose', async () => {
  const alg = header.alg;
  if(alg !== 'ES256' && alg !== 'RS256') {
    throw new Error(`alg ${alg} is not ES256 or RS256`);
  }
  if(typeof claims.iss !== 'string' || !claims.iss.startsWith('did:web:')) {
    throw new Error('iss is not a did:web');
  }
  const kid = header.kid?.startsWith('#') ? claims.iss + header.kid : header.kid;
  if(!kid?.startsWith(claims.iss + '#')) {
    throw new Error(`kid ${header.kid} is not a verification method of ${claims.iss}`);
  }
  const didDocument = lookup(didWebUrl(claims.iss));
  if(didDocument.id !== claims.iss) {
    throw new Error('the DID document is not about iss');
  }
  const absolute = id => id.startsWith('#') ? claims.iss + id : id;
  const method = (didDocument.verificationMethod ?? []).find(m => absolute(m.id) === kid);
  if(!method || method.type !== 'JsonWebKey' || !method.publicKeyJwk || method.controller !== claims.iss) {
    throw new Error(`${kid} is not a JsonWebKey method controlled by the issuer`);
  }
  if(!(didDocument.assertionMethod ?? []).map(m => absolute(typeof m === 'string' ? m : m.id)).includes(kid)) {
    throw new Error(`${kid} is not listed under assertionMethod`);
  }
  if('d' in method.publicKeyJwk) {
    throw new Error('the published JWK carries a private key');
  }
  const key = createPublicKey({key: method.publicKeyJwk, format: 'jwk'});
  const signed = Buffer.from(`${parts[0]}.${parts[1]}`, 'ascii');
  const signature = Buffer.from(parts[2], 'base64url');
  const ok = alg === 'ES256'
    ? verify('sha256', signed, {key, dsaEncoding: 'ieee-p1363'}, signature)
    : verify('sha256', signed, key, signature);
  if(!ok) {
    throw new Error('signature does not verify');
  }
});

await check('claims', async () => {
  const issuer = typeof vc.issuer === 'string' ? vc.issuer : vc.issuer?.id;
  const epoch = s => Math.floor(Date.parse(s) / 1000);
  const now = Math.floor(Date.now() / 1000);
  const expect = (ok, what) => {
    if(!ok) {
      throw new Error(what);
    }
  };
  expect(claims.iss === issuer, 'iss is not the vc issuer');
  expect(claims.jti === undefined || claims.jti === vc.id, 'jti is not the vc id');
  expect(claims.sub === undefined || claims.sub === vc.credentialSubject?.id, 'sub is not the subject id');
  expect(vc.validFrom === undefined || claims.nbf === epoch(vc.validFrom), 'nbf is not validFrom');
  expect(vc.validUntil === undefined || claims.exp === epoch(vc.validUntil), 'exp is not validUntil');
  expect(claims.nbf === undefined || claims.nbf <= now + 300, 'not valid yet (nbf)');
  expect(claims.exp === undefined || claims.exp >= now - 300, 'expired (exp)');
  expect(!('proof' in vc), 'the vc claim carries a proof as well');
});

await check('dataModel', async () => {
  const {_checkCredential} = await import('@digitalbazaar/vc');
  _checkCredential({credential: vc, mode: 'verify'});
});

await check('status', async () => {
  if(!vc.credentialStatus) {
    throw new Error('the credential has no status entry');
  }
  const {DataIntegrityProof} = await import('@digitalbazaar/data-integrity');
  const {cryptosuite} = await import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite');
  const {checkStatus} = await import('@digitalbazaar/vc-bitstring-status-list');
  const result = await checkStatus({credential: vc, documentLoader, suite: new DataIntegrityProof({cryptosuite}),
    verifyBitstringStatusListCredential: true, verifyMatchingIssuers: true});
  if(!result.verified) {
    throw new Error(result.error?.message ?? 'the status list does not verify');
  }
  const set = (result.results ?? []).filter(r => r.status === true);
  if(set.length) {
    throw new Error(`status bit set (${set.map(r => r.credentialStatus.statusPurpose).join(', ')})`);
  }
});

const verified = errors.length === 0;
process.stdout.write(JSON.stringify({verifier: 'jwtcheck', verified, checks, errors}) + '\n');
process.exit(verified ? 0 : 1);
