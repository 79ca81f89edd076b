package org.openler.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;

/** The job editor's details form is read by the rules the jobs API applies to a job's JSON. */
class JobDetailsFormTests {

    private static final JobContent CURRENT = new JobContent(
            "Welder",
            "51-4121.06",
            Optional.empty(),
            "",
            List.of(new JobRequirement(URI.create("https://skills.example/weld"), "weld", 0.8, true, 3, "employer")),
            List.of(),
            0,
            JobContent.Education.NONE,
            "",
            JobContent.Remote.ONSITE,
            Optional.of(new JobContent.Pay(
                    new BigDecimal("20.00"), new BigDecimal("25.00"), "EUR", JobContent.Pay.Unit.HOUR)));

    private static JobDetailsForm form(String experienceMonths, String payMin, String payMax) {
        return new JobDetailsForm(
                "Pipe welder",
                "Welds pipes.",
                "Birmingham",
                "hybrid",
                experienceMonths,
                "high-school",
                payMin,
                payMax,
                "year",
                3);
    }

    @Test
    void aValidFormChangesTheDetailsAndKeepsOccupationSkillsAndCurrency() {
        JobContent read = JobInput.readDetails(form("24", "40000", "52000.5").json(), CURRENT);

        assertThat(read.title()).isEqualTo("Pipe welder");
        assertThat(read.experienceMonths()).isEqualTo(24);
        assertThat(read.remote()).isEqualTo(JobContent.Remote.HYBRID);
        assertThat(read.education())
                .isEqualTo(JobContent.Education.of("high-school").orElseThrow());
        assertThat(read.onetCode()).isEqualTo(CURRENT.onetCode());
        assertThat(read.requirements()).isEqualTo(CURRENT.requirements());
        assertThat(read.pay()).hasValueSatisfying(pay -> {
            assertThat(pay.min()).isEqualByComparingTo("40000");
            assertThat(pay.max()).isEqualByComparingTo("52000.50");
            assertThat(pay.currency()).isEqualTo("EUR");
            assertThat(pay.unit()).isEqualTo(JobContent.Pay.Unit.YEAR);
        });
    }

    @Test
    void mistypedNumbersAreRefusedFieldByFieldAsTheApiRefusesThem() {
        assertThatThrownBy(
                        () -> JobInput.readDetails(form("two years", "50", "40").json(), CURRENT))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.INVALID_INPUT);
                    assertThat(e.fieldErrors())
                            .extracting(PlatformException.FieldError::field)
                            .containsExactlyInAnyOrder("experienceMonths", "pay");
                });
    }

    @Test
    void fieldsTheBrowserDidNotSendReadAsTheFormsDefaults() {
        JobDetailsForm bare = new JobDetailsForm("Welder", null, null, null, null, null, null, null, null, null);

        JobContent read = JobInput.readDetails(bare.json(), CURRENT);

        assertThat(bare.expectedVersion()).isZero();
        assertThat(read.experienceMonths()).isZero();
        assertThat(read.remote()).isEqualTo(JobContent.Remote.ONSITE);
        assertThat(read.education()).isEqualTo(JobContent.Education.NONE);
        assertThat(read.pay()).isEmpty();
    }
}
