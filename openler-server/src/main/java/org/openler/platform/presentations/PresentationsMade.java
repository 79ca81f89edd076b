package org.openler.platform.presentations;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.privacy.Access;
import org.openler.platform.privacy.Consent;
import org.openler.platform.privacy.HeldItem;
import org.openler.platform.privacy.IdMap;
import org.openler.platform.privacy.PersonalData;
import org.openler.platform.problems.PlatformException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The learner's record of every presentation made from the wallet — to whom, why, which credential, which claims,
 * when — shown on their page and, as the privacy section {@code "presentations"}, exported, restored, and listed as
 * accesses (the verifier saw those claims) and consents (the learner agreed to it).
 */
@Service
class PresentationsMade implements PersonalData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    PresentationsMade(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One presentation as the learner sees it. */
    record Made(
            UUID id,
            String verifierName,
            String verifierClient,
            String purpose,
            @Nullable UUID credentialId,
            String credentialName,
            String format,
            List<String> claims,
            Instant presentedAt) {}

    List<Made> list(AccountId owner) {
        return jdbc.sql("select id, verifier_name, verifier_client, purpose, credential_id, credential_name, format,"
                        + " claims, presented_at from presentation_made where account_id = ?"
                        + " order by presented_at desc limit 500")
                .param(owner.value())
                .query((rs, n) -> new Made(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, UUID.class),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8).isEmpty()
                                ? List.of()
                                : List.of(rs.getString(8).split(",")),
                        rs.getTimestamp(9).toInstant()))
                .list();
    }

    @Override
    public String section() {
        return "presentations";
    }

    @Override
    public int restoreOrder() {
        return 40;
    }

    @Override
    public List<HeldItem> summary(AccountId owner) {
        long count = jdbc.sql("select count(*) from presentation_made where account_id = ?")
                .param(owner.value())
                .query(Long.class)
                .single();
        return List.of(new HeldItem("presentations.held", count));
    }

    @Override
    public JsonNode export(AccountId owner) {
        ArrayNode all = JSON.createArrayNode();
        for (Made made : list(owner)) {
            ObjectNode one = all.addObject();
            one.put("id", made.id().toString());
            one.put("verifierName", made.verifierName());
            one.put("verifierClient", made.verifierClient());
            one.put("purpose", made.purpose());
            one.put(
                    "credentialId",
                    made.credentialId() == null ? null : made.credentialId().toString());
            one.put("credentialName", made.credentialName());
            one.put("format", made.format());
            ArrayNode claims = one.putArray("claims");
            made.claims().forEach(claims::add);
            one.put("presentedAt", made.presentedAt().toString());
        }
        ObjectNode section = JSON.createObjectNode();
        section.set("presentations", all);
        return section;
    }

    @Override
    public void restore(AccountId owner, JsonNode section, IdMap ids) {
        JsonNode all = section.path("presentations");
        if (!all.isArray()) {
            throw PlatformException.invalid("presentations", "Expected a list of presentations.");
        }
        for (JsonNode one : all) {
            String format = one.path("format").asString("");
            if (!List.of("SD_JWT", "DATA_INTEGRITY", "VC_JWT").contains(format)) {
                throw PlatformException.invalid("presentations.format", "Unknown format: " + format);
            }
            Instant at;
            try {
                at = Instant.parse(one.path("presentedAt").asString(""));
            } catch (DateTimeParseException e) {
                throw PlatformException.invalid("presentations.presentedAt", "Not a date-time.");
            }
            UUID credential = one.path("credentialId").isString()
                    ? ids.find("wallet", one.path("credentialId").asString()).orElse(null)
                    : null;
            List<String> claims = new ArrayList<>();
            one.path("claims").forEach(c -> claims.add(c.asString("")));
            jdbc.sql("insert into presentation_made (id, account_id, verifier_name, verifier_client, purpose,"
                            + " credential_id, credential_name, format, claims, presented_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            UUID.randomUUID(),
                            owner.value(),
                            clip(one.path("verifierName").asString(""), 500),
                            clip(one.path("verifierClient").asString(""), 2000),
                            clip(one.path("purpose").asString(""), 500),
                            credential,
                            clip(one.path("credentialName").asString(""), 500),
                            format,
                            clip(String.join(",", claims), 2000),
                            Timestamp.from(at))
                    .update();
        }
    }

    @Override
    public List<Access> accesses(AccountId owner) {
        return list(owner).stream()
                .map(made -> new Access(
                        made.presentedAt(),
                        made.verifierName(),
                        made.credentialName() + ": " + String.join(", ", made.claims())))
                .toList();
    }

    @Override
    public List<Consent> consents(AccountId owner) {
        return list(owner).stream()
                .map(made -> new Consent(
                        made.presentedAt(),
                        made.verifierName(),
                        made.purpose(),
                        made.credentialName() + ": " + String.join(", ", made.claims()),
                        null,
                        null))
                .toList();
    }

    private static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
