package org.openler.platform.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidIdTests {

    @Test
    void everyIdRecordOverAUuidBindsItselfAsAJdbcParameter() {
        List<Class<?>> ids = new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.openler.platform")
                        .stream()
                        .filter(c -> c.getSimpleName().endsWith("Id"))
                        .<Class<?>>map(JavaClass::reflect)
                        .filter(UuidIdTests::isUuidRecord)
                        .toList();
        assertThat(ids).contains(AccountId.class, OrganizationId.class);
        assertThat(ids.stream().filter(c -> !UuidId.class.isAssignableFrom(c)).map(Class::getName))
                .as("typed ids that JdbcClient would refuse at run time")
                .isEmpty();
    }

    private static boolean isUuidRecord(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        return type.isRecord() && components.length == 1 && components[0].getType() == UUID.class;
    }
}
