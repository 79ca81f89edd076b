// The offline world both cross-checks run in: JSON-LD contexts are the exact files openler-standards bundles (so
// both sides read the same pinned bytes); DOCUMENTS.json maps URLs to JSON documents (did:web did.json files, status
// list credentials); did:key is resolved locally. Nothing else is reachable: global fetch is replaced, so no library
// can go to the network.
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const contextDir = join(here, '..', 'openler-standards', 'src', 'main', 'resources', 'org', 'openler', 'standards',
  'jsonld', 'contexts');
export const CONTEXT_FILES = {
  'https://www.w3.org/ns/credentials/v2': 'credentials-v2.jsonld',
  'https://www.w3.org/2018/credentials/v1': 'credentials-v1.jsonld',
  'https://www.w3.org/ns/credentials/undefined-terms/v2': 'credentials-undefined-terms-v2.jsonld',
  'https://www.w3.org/ns/credentials/status/v1': 'credentials-status-v1.jsonld',
  'https://www.w3.org/ns/credentials/examples/v2': 'credentials-examples-v2.jsonld',
  'https://w3id.org/security/data-integrity/v2': 'data-integrity-v2.jsonld',
  'https://w3id.org/security/data-integrity/v1': 'data-integrity-v1.jsonld',
  'https://w3id.org/security/multikey/v1': 'multikey-v1.jsonld',
  'https://www.w3.org/ns/did/v1': 'did-v1.jsonld',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': 'ob-v3p0-context-3.0.3.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json': 'ob-v3p0-extensions.json',
  'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json': 'clr-v2p0-context-2.0.1.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json': 'ob-v3p0-context-3.0.1.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json': 'ob-v3p0-context-3.0.2.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context.json': 'ob-v3p0-context.json',
  'https://purl.imsglobal.org/spec/clr/v2p0/context.json': 'clr-v2p0-context.json',
  'https://w3id.org/security/suites/ed25519-2020/v1': 'ed25519-signature-2020-v1.jsonld'
};

/** Replaces global fetch and returns {lookup, didWebUrl, documentLoader} over the bundled contexts and DOCUMENTS. */
export async function offline(documents) {
  const served = new Map();
  for(const [url, file] of Object.entries(CONTEXT_FILES)) {
    served.set(url, JSON.parse(readFileSync(join(contextDir, file), 'utf8')));
  }
  if(documents) {
    for(const [url, doc] of Object.entries(JSON.parse(readFileSync(documents, 'utf8')))) {
      served.set(url, doc);
    }
  }
  const withoutFragment = url => url.split('#')[0];
  const lookup = url => {
    const doc = served.get(withoutFragment(url));
    if(!doc) {
      throw new Error(`offline: ${url} is not served`);
    }
    return doc;
  };
  globalThis.fetch = async input => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    return new Response(JSON.stringify(lookup(url)), {status: 200, headers: {'content-type': 'application/json'}});
  };

  const Ed25519Multikey = await import('@digitalbazaar/ed25519-multikey');
  const {driver: didKeyDriver} = await import('@digitalbazaar/did-method-key');
  const didKey = didKeyDriver();
  didKey.use({multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from});

  function didWebUrl(did) {
    const [host, ...path] = did.slice('did:web:'.length).split(':').map(decodeURIComponent);
    return `https://${host}/${path.length ? path.join('/') : '.well-known'}/did.json`;
  }

  async function documentLoader(url) {
    if(url.startsWith('did:key:')) {
      return {contextUrl: null, documentUrl: url, document: await didKey.get({url})};
    }
    if(url.startsWith('did:web:')) {
      const didDocument = lookup(didWebUrl(withoutFragment(url)));
      if(!url.includes('#')) {
        return {contextUrl: null, documentUrl: url, document: didDocument};
      }
      const method = (didDocument.verificationMethod ?? []).find(m => m.id === url);
      if(!method) {
        throw new Error(`offline: ${url} is not in its DID document`);
      }
      return {contextUrl: null, documentUrl: url, document: {'@context': didDocument['@context'], ...method}};
    }
    return {contextUrl: null, documentUrl: url, document: lookup(url)};
  }
  return {lookup, didWebUrl, documentLoader};
}
