package org.openler.platform.profile;

import java.net.URI;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows the learner writes: self-asserted skills and experiences. Every statement is scoped by the owner. */
@Repository
class ProfileStore {

    /** More than any profile is expected to hold; a guard against a page that never ends. */
    static final int MAX_ROWS = 200;

    private static final String SKILL_COLUMNS = "id, own_words, competency_uri, competency_label, evidence_url,"
            + " evidence_text, evidence_credential_id, list_position, created_at, updated_at, skill_level";
    private static final String EXPERIENCE_COLUMNS = "id, kind, title, organization, start_date, end_date, description";

    private final JdbcClient jdbc;

    ProfileStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a learner writes about a skill; the competency is one they picked from the ontology, or none. */
    record SkillFields(
            String ownWords,
            @Nullable URI competencyUri,
            @Nullable String competencyLabel,
            @Nullable URI evidenceUrl,
            @Nullable String evidenceText,
            @Nullable UUID evidenceCredential,
            @Nullable Integer level) {}

    record ExperienceFields(
            Experience.Kind kind,
            String title,
            String organization,
            @Nullable LocalDate start,
            @Nullable LocalDate end,
            String description) {}

    List<SelfAssertedSkill> skills(AccountId owner) {
        return jdbc.sql("select " + SKILL_COLUMNS + " from profile_skill where account_id = ?"
                        + " order by list_position, created_at limit " + MAX_ROWS)
                .param(owner.value())
                .query(ProfileStore::skill)
                .list();
    }

    Optional<SelfAssertedSkill> skill(AccountId owner, UUID id) {
        return jdbc.sql("select " + SKILL_COLUMNS + " from profile_skill where account_id = ? and id = ?")
                .params(owner.value(), id)
                .query(ProfileStore::skill)
                .optional();
    }

    int countSkills(AccountId owner) {
        return jdbc.sql("select count(*) from profile_skill where account_id = ?")
                .param(owner.value())
                .query(Integer.class)
                .single();
    }

    UUID insertSkill(AccountId owner, SkillFields fields, Instant now) {
        UUID id = UUID.randomUUID();
        int position = jdbc.sql("select coalesce(max(list_position), 0) + 1 from profile_skill where account_id = ?")
                .param(owner.value())
                .query(Integer.class)
                .single();
        jdbc.sql("insert into profile_skill (id, account_id, own_words, competency_uri, competency_label,"
                        + " evidence_url, evidence_text, evidence_credential_id, list_position, created_at, updated_at,"
                        + " skill_level) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        owner.value(),
                        fields.ownWords(),
                        text(fields.competencyUri()),
                        fields.competencyLabel(),
                        text(fields.evidenceUrl()),
                        fields.evidenceText(),
                        fields.evidenceCredential(),
                        position,
                        Timestamp.from(now),
                        Timestamp.from(now),
                        fields.level())
                .update();
        return id;
    }

    boolean updateSkill(AccountId owner, UUID id, SkillFields fields, Instant now) {
        return jdbc.sql("update profile_skill set own_words = ?, competency_uri = ?, competency_label = ?,"
                                + " evidence_url = ?, evidence_text = ?, evidence_credential_id = ?, skill_level = ?,"
                                + " updated_at = ? where account_id = ? and id = ?")
                        .params(
                                fields.ownWords(),
                                text(fields.competencyUri()),
                                fields.competencyLabel(),
                                text(fields.evidenceUrl()),
                                fields.evidenceText(),
                                fields.evidenceCredential(),
                                fields.level(),
                                Timestamp.from(now),
                                owner.value(),
                                id)
                        .update()
                == 1;
    }

    boolean deleteSkill(AccountId owner, UUID id) {
        return jdbc.sql("delete from profile_skill where account_id = ? and id = ?")
                        .params(owner.value(), id)
                        .update()
                == 1;
    }

    List<Experience> experiences(AccountId owner) {
        // Newest first, as a resume reads; undated lines last.
        return jdbc.sql("select " + EXPERIENCE_COLUMNS + " from profile_experience where account_id = ?"
                        + " order by case when start_date is null then 1 else 0 end, start_date desc, created_at"
                        + " limit " + MAX_ROWS)
                .param(owner.value())
                .query(ProfileStore::experience)
                .list();
    }

    Optional<Experience> experience(AccountId owner, UUID id) {
        return jdbc.sql("select " + EXPERIENCE_COLUMNS + " from profile_experience where account_id = ? and id = ?")
                .params(owner.value(), id)
                .query(ProfileStore::experience)
                .optional();
    }

    int countExperiences(AccountId owner) {
        return jdbc.sql("select count(*) from profile_experience where account_id = ?")
                .param(owner.value())
                .query(Integer.class)
                .single();
    }

    UUID insertExperience(AccountId owner, ExperienceFields fields, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into profile_experience (id, account_id, kind, title, organization, start_date, end_date,"
                        + " description, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        owner.value(),
                        fields.kind().name(),
                        fields.title(),
                        fields.organization(),
                        date(fields.start()),
                        date(fields.end()),
                        fields.description(),
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
        return id;
    }

    boolean updateExperience(AccountId owner, UUID id, ExperienceFields fields, Instant now) {
        return jdbc.sql("update profile_experience set kind = ?, title = ?, organization = ?, start_date = ?,"
                                + " end_date = ?, description = ?, updated_at = ?"
                                + " where account_id = ? and id = ?")
                        .params(
                                fields.kind().name(),
                                fields.title(),
                                fields.organization(),
                                date(fields.start()),
                                date(fields.end()),
                                fields.description(),
                                Timestamp.from(now),
                                owner.value(),
                                id)
                        .update()
                == 1;
    }

    boolean deleteExperience(AccountId owner, UUID id) {
        return jdbc.sql("delete from profile_experience where account_id = ? and id = ?")
                        .params(owner.value(), id)
                        .update()
                == 1;
    }

    private static @Nullable String text(@Nullable URI uri) {
        return uri == null ? null : uri.toString();
    }

    private static @Nullable Date date(@Nullable LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static SelfAssertedSkill skill(ResultSet rs, int row) throws SQLException {
        String competency = rs.getString(3);
        String evidence = rs.getString(5);
        return new SelfAssertedSkill(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                competency == null ? null : URI.create(competency),
                rs.getString(4),
                evidence == null ? null : URI.create(evidence),
                rs.getString(6),
                rs.getObject(7, UUID.class),
                rs.getInt(8),
                rs.getTimestamp(9).toInstant(),
                rs.getTimestamp(10).toInstant(),
                rs.getInt(11));
    }

    private static Experience experience(ResultSet rs, int row) throws SQLException {
        Date start = rs.getDate(5);
        Date end = rs.getDate(6);
        String description = rs.getString(7);
        return new Experience(
                rs.getObject(1, UUID.class),
                Experience.Kind.valueOf(rs.getString(2)),
                rs.getString(3),
                rs.getString(4),
                start == null ? null : start.toLocalDate(),
                end == null ? null : end.toLocalDate(),
                description == null ? "" : description);
    }
}
