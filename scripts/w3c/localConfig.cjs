// OpenLER's entry for the W3C VC test suites (vc-test-suite-implementations "localConfig.cjs" format).
// scripts/w3c/run-suites.sh links this file into each suite's root; it reads everything from the environment:
//   OPENLER_URL          base URL of a running demo (default https://localhost:8443, `./openler demo --https`)
//   OPENLER_ORG          organization slug (default demo-university)
//   OPENLER_ISSUER_DID   the organization's did:key (Data Integrity issuer id); run-suites.sh looks it up
//   OPENLER_CLIENT_ID    machine client id (default demo-issuer); its secret in OPENLER_CLIENT_SECRET
const base = process.env.OPENLER_URL || 'https://localhost:8443';
const org = process.env.OPENLER_ORG || 'demo-university';
const issuerDid = process.env.OPENLER_ISSUER_DID;
if(!issuerDid) {
  throw new Error('Set OPENLER_ISSUER_DID (scripts/w3c/run-suites.sh does).');
}
const issue = `${base}/orgs/${org}/credentials/issue`;
// the organization's did:web (a VC-JWT is signed by the did:web's P-256 key, never by the did:key)
const didWeb = `did:web:${new URL(base).host.replace(':', '%3A')}:orgs:${org}`;
module.exports = {
  settings: {enableInteropTests: false, testAllImplementations: false},
  implementations: [{
    name: 'OpenLER',
    implementation: 'OpenLER demo',
    // client credentials; the secret is read from the environment variable named here
    oauth2: {
      clientId: process.env.OPENLER_CLIENT_ID || 'demo-issuer',
      clientSecret: 'OPENLER_CLIENT_SECRET',
      tokenAudience: base,
      tokenEndpoint: `${base}/oauth2/token`
    },
    issuers: [{
      id: issuerDid,
      endpoint: issue,
      supports: {vc: ['2.0']},
      tags: ['vc2.0', 'vc-api', 'eddsa-rdfc-2022', 'BitstringStatusList', 'Revocation', 'Suspension']
    }, {
      id: issuerDid,
      endpoint: issue,
      supports: {vc: ['2.0']},
      options: {cryptosuite: 'eddsa-jcs-2022'},
      tags: ['eddsa-jcs-2022']
    }, {
      id: didWeb,
      endpoint: issue,
      options: {format: 'jwt'},
      tags: ['vc-api', 'JWT']
    }],
    verifiers: [{
      id: `${base}/credentials/verify`,
      endpoint: `${base}/credentials/verify`,
      tags: ['vc2.0', 'vc-api', 'eddsa-rdfc-2022', 'eddsa-jcs-2022', 'BitstringStatusList', 'Revocation', 'Suspension']
    }],
    vpVerifiers: [{
      id: `${base}/presentations/verify`,
      endpoint: `${base}/presentations/verify`,
      tags: ['vc2.0', 'vc-api', 'BitstringStatusList']
    }]
  }]
};
