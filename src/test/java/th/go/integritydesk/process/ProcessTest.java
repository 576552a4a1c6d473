package th.go.integritydesk.process;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A process test: the real application context (delegates, listeners, settings, demo users) on an in-memory H2
 * database, with the job executor off so a test moves timers and async steps itself, and process coverage on.
 * Every process test class shares this one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "spring.datasource.url=jdbc:h2:mem:process-tests;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "integrity-desk.mail.enabled=true",
    "integrity-desk.reminders.enabled=false",
    // not the default (R5/PT10M): StaffNotificationsTest checks the setting reaches the models
    "integrity-desk.jobs.outbound-retry-cycle=R3/PT7M",
    "spring.mail.host=localhost",
    "spring.mail.port=3025"})
@Import(ProcessEngineCoverageConfiguration.class)
public @interface ProcessTest {
}
