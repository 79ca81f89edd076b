package org.openler.platform.jobs;

import java.math.BigDecimal;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.JobId;
import org.openler.platform.kernel.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Jobs in SQL: a row per job, its requirements in order, its credentials. Every write names the organization. */
@Repository
class JobRepository {

    private static final String SELECT = "select j.*, o.slug as org_slug, o.name as org_name from job j"
            + " join organization o on o.id = j.organization_id ";

    private final JdbcClient jdbc;

    JobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            JobId id,
            OrganizationId organization,
            JobContent c,
            String onetTitle,
            Optional<String> escoTitle,
            Instant now) {
        jdbc.sql("insert into job (id, organization_id, title, onet_code, onet_title, esco_uri, esco_title, summary,"
                        + " experience_months, education, location, remote, pay_min, pay_max, pay_currency, pay_unit,"
                        + " status, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, 'open', ?, ?, 0)")
                .params(columns(id, organization, c, onetTitle, escoTitle, Timestamp.from(now), Timestamp.from(now)))
                .update();
        children(id, c);
    }

    /** Replaces the content when the version is still {@code expected}; answers whether it was. */
    boolean update(
            JobId id,
            OrganizationId organization,
            JobContent c,
            String onetTitle,
            Optional<String> escoTitle,
            int expected,
            Instant now) {
        int changed = jdbc.sql("update job set title = ?, onet_code = ?, onet_title = ?, esco_uri = ?, esco_title = ?,"
                        + " summary = ?, experience_months = ?, education = ?, location = ?, remote = ?, pay_min = ?,"
                        + " pay_max = ?, pay_currency = ?, pay_unit = ?, updated_at = ?, version = version + 1"
                        + " where id = ? and organization_id = ? and version = ?")
                .params(Stream.concat(
                                content(c, onetTitle, escoTitle),
                                Stream.of(Timestamp.from(now), id.value(), organization.value(), expected))
                        .toList())
                .update();
        if (changed == 0) {
            return false;
        }
        jdbc.sql("delete from job_requirement where job_id = ?")
                .param(id.value())
                .update();
        jdbc.sql("delete from job_credential where job_id = ?")
                .param(id.value())
                .update();
        children(id, c);
        return true;
    }

    boolean close(JobId id, OrganizationId organization, Instant now) {
        return jdbc.sql("update job set status = 'closed', closed_at = ?, updated_at = ?, version = version + 1"
                                + " where id = ? and organization_id = ? and status = 'open'")
                        .params(Timestamp.from(now), Timestamp.from(now), id.value(), organization.value())
                        .update()
                == 1;
    }

    private void children(JobId id, JobContent c) {
        int position = 0;
        for (JobRequirement r : c.requirements()) {
            jdbc.sql("insert into job_requirement (job_id, position, skill_uri, label, weight, required, level, source)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            id.value(),
                            position++,
                            r.skill().toString(),
                            r.label(),
                            r.weight(),
                            r.required(),
                            r.level(),
                            r.source())
                    .update();
        }
        for (JobCredential k : c.credentials()) {
            jdbc.sql("insert into job_credential (job_id, credential_ctid, name, required) values (?, ?, ?, ?)")
                    .params(id.value(), k.ctid(), k.name(), k.required())
                    .update();
        }
    }

    Optional<Job> find(JobId id) {
        return jdbc.sql(SELECT + "where j.id = ?")
                .param(id.value())
                .query(this::row)
                .optional()
                .map(j -> withChildren(List.of(j)).getFirst());
    }

    /** An organization's jobs, newest first, optionally of one status, occupation, or with words in the title. */
    List<Job> list(OrganizationId organization, JobFilter filter, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(organization, filter, params);
        params.add(offset);
        params.add(limit);
        return withChildren(
                jdbc.sql(SELECT + where + " order by j.created_at desc, j.id offset ? rows fetch first ? rows only")
                        .params(params)
                        .query(this::row)
                        .list());
    }

    /** How many of the organization's jobs the same filters select. */
    int count(OrganizationId organization, JobFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(organization, filter, params);
        return jdbc.sql("select count(*) from job j " + where)
                .params(params)
                .query(Integer.class)
                .single();
    }

    private static String where(OrganizationId organization, JobFilter filter, List<Object> params) {
        StringBuilder sql = new StringBuilder("where j.organization_id = ?");
        params.add(organization.value());
        filter.status().ifPresent(s -> {
            sql.append(" and j.status = ?");
            params.add(s.code());
        });
        filter.occupation().ifPresent(o -> {
            sql.append(" and j.onet_code = ?");
            params.add(o);
        });
        filter.words().ifPresent(w -> {
            sql.append(" and lower(j.title) like ?");
            params.add("%" + w.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
        });
        return sql.toString();
    }

    /** Every open job of every employer, newest first. */
    List<Job> open(int limit) {
        return withChildren(jdbc.sql(SELECT + "where j.status = 'open' order by j.created_at desc, j.id"
                        + " fetch first ? rows only")
                .param(limit)
                .query(this::row)
                .list());
    }

    /** An open job's id, title, employer and version: enough to tell whether its requirements read before still hold. */
    record OpenHead(JobId id, String title, String organizationName, int version) {}

    /** The open jobs' heads, newest first, in the order of {@link #open(int)}. */
    List<OpenHead> openHeads(int limit) {
        return jdbc.sql(
                        "select j.id, j.title, o.name, j.version from job j join organization o on o.id = j.organization_id"
                                + " where j.status = 'open' order by j.created_at desc, j.id fetch first ? rows only")
                .param(limit)
                .query((rs, n) -> new OpenHead(
                        new JobId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
    }

    /** The jobs' requirements in their order, in one query; a job without any is absent. */
    Map<UUID, List<JobRequirement>> requirements(List<UUID> ids) {
        Map<UUID, List<JobRequirement>> requirements = new HashMap<>();
        if (ids.isEmpty()) {
            return requirements;
        }
        jdbc.sql("select job_id, skill_uri, label, weight, required, level, source from job_requirement"
                        + " where job_id = any(?) order by job_id, position")
                .param(ids.toArray(UUID[]::new))
                .query(rs -> {
                    requirements
                            .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new JobRequirement(
                                    URI.create(rs.getString(2)),
                                    rs.getString(3),
                                    rs.getDouble(4),
                                    rs.getBoolean(5),
                                    rs.getInt(6),
                                    rs.getString(7)));
                });
        return requirements;
    }

    int count(OrganizationId organization) {
        return jdbc.sql("select count(*) from job where organization_id = ?")
                .param(organization.value())
                .query(Integer.class)
                .single();
    }

    private List<Job> withChildren(List<Job> jobs) {
        if (jobs.isEmpty()) {
            return jobs;
        }
        List<UUID> ids = jobs.stream().map(j -> j.id().value()).toList();
        String in = ids.stream().map(i -> "?").collect(Collectors.joining(", "));
        Map<UUID, List<JobRequirement>> requirements = requirements(ids);
        Map<UUID, List<JobCredential>> credentials = new HashMap<>();
        jdbc.sql("select job_id, credential_ctid, name, required from job_credential where job_id in (" + in + ")"
                        + " order by job_id, required desc, name")
                .params(new ArrayList<Object>(ids))
                .query(rs -> {
                    credentials
                            .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new JobCredential(rs.getString(2), rs.getString(3), rs.getBoolean(4)));
                });
        return jobs.stream()
                .map(j -> {
                    JobContent c = j.content();
                    JobContent full = new JobContent(
                            c.title(),
                            c.onetCode(),
                            c.escoUri(),
                            c.summary(),
                            requirements.getOrDefault(j.id().value(), List.of()),
                            credentials.getOrDefault(j.id().value(), List.of()),
                            c.experienceMonths(),
                            c.education(),
                            c.location(),
                            c.remote(),
                            c.pay());
                    return new Job(
                            j.id(),
                            j.organization(),
                            j.organizationSlug(),
                            j.organizationName(),
                            full,
                            j.onetTitle(),
                            j.escoTitle(),
                            j.status(),
                            j.createdAt(),
                            j.updatedAt(),
                            j.closedAt(),
                            j.version());
                })
                .toList();
    }

    private Job row(ResultSet rs, int n) throws SQLException {
        BigDecimal min = rs.getBigDecimal("pay_min");
        Optional<JobContent.Pay> pay = min == null
                ? Optional.empty()
                : Optional.of(new JobContent.Pay(
                        min,
                        rs.getBigDecimal("pay_max"),
                        rs.getString("pay_currency"),
                        JobContent.Pay.Unit.valueOf(rs.getString("pay_unit").toUpperCase(Locale.ROOT))));
        JobContent content = new JobContent(
                rs.getString("title"),
                rs.getString("onet_code"),
                Optional.ofNullable(rs.getString("esco_uri")),
                rs.getString("summary"),
                List.of(),
                List.of(),
                rs.getInt("experience_months"),
                JobContent.Education.of(rs.getString("education")).orElse(JobContent.Education.NONE),
                rs.getString("location"),
                JobContent.Remote.valueOf(rs.getString("remote").toUpperCase(Locale.ROOT)),
                pay);
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Job(
                new JobId(rs.getObject("id", UUID.class)),
                new OrganizationId(rs.getObject("organization_id", UUID.class)),
                rs.getString("org_slug"),
                rs.getString("org_name"),
                content,
                rs.getString("onet_title"),
                Optional.ofNullable(rs.getString("esco_title")),
                Job.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                Optional.ofNullable(closed).map(Timestamp::toInstant),
                rs.getInt("version"));
    }

    private static Object[] columns(
            JobId id,
            OrganizationId organization,
            JobContent c,
            String onetTitle,
            Optional<String> escoTitle,
            Timestamp created,
            Timestamp updated) {
        return Stream.of(
                        Stream.of(id.value(), organization.value()),
                        content(c, onetTitle, escoTitle),
                        Stream.of(created, updated))
                .flatMap(x -> x)
                .toArray();
    }

    /** The job's own columns, in the order both the insert and the update name them. */
    private static Stream<@Nullable Object> content(JobContent c, String onetTitle, Optional<String> escoTitle) {
        return Stream.of(
                c.title(),
                c.onetCode(),
                onetTitle,
                c.escoUri().orElse(null),
                escoTitle.orElse(null),
                c.summary(),
                c.experienceMonths(),
                c.education().code(),
                c.location(),
                c.remote().code(),
                c.pay().map(JobContent.Pay::min).orElse(null),
                c.pay().map(JobContent.Pay::max).orElse(null),
                c.pay().map(JobContent.Pay::currency).orElse(null),
                c.pay().map(p -> p.unit().code()).orElse(null));
    }
}
