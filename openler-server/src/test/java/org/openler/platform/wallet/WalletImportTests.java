package org.openler.platform.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openler.standards.json.StrictJson;

class WalletImportTests {

    @Test
    void recognisesOpenBadges2AssertionsByContextOrByShape() {
        assertThat(WalletImport.isOpenBadges2(
                        StrictJson.parseObject("{\"@context\": \"https://w3id.org/openbadges/v2\"}")))
                .isTrue();
        assertThat(WalletImport.isOpenBadges2(StrictJson.parseObject(
                        "{\"@context\": [\"https://w3id.org/openbadges/v2\", \"https://example.org/x\"]}")))
                .isTrue();
        assertThat(WalletImport.isOpenBadges2(StrictJson.parseObject(
                        "{\"type\": \"Assertion\", \"badge\": \"https://example.org/b\", \"verify\": {}}")))
                .isTrue();
        assertThat(
                        WalletImport.isOpenBadges2(
                                StrictJson.parseObject(
                                        "{\"@context\": [\"https://www.w3.org/ns/credentials/v2\"], \"type\": [\"VerifiableCredential\"]}")))
                .isFalse();
    }

    @Test
    void factsComeFromTheCredentialWithAchievementNameAndVersion1DatesAsFallbacks() {
        CredentialFacts facts = CredentialFacts.of(StrictJson.parseObject("""
                {"issuer": {"id": "did:example:1", "name": "Example U"},
                 "credentialSubject": {"achievement": {"name": "Welding"}},
                 "issuanceDate": "2024-01-02T03:04:05Z", "validUntil": "not a date"}"""));

        assertThat(facts.name()).isEqualTo("Welding");
        assertThat(facts.issuerName()).isEqualTo("Example U");
        assertThat(facts.issuerId()).isEqualTo("did:example:1");
        assertThat(facts.validFrom()).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(facts.validUntil()).isNull();
    }

    @Test
    void anIssuerGivenAsAStringIsBothItsIdAndItsName() {
        CredentialFacts facts = CredentialFacts.of(StrictJson.parseObject("{\"issuer\": \"did:example:2\"}"));

        assertThat(facts.issuerId()).isEqualTo("did:example:2");
        assertThat(facts.issuerName()).isEqualTo("did:example:2");
        assertThat(facts.name()).isEqualTo("Credential");
    }
}
