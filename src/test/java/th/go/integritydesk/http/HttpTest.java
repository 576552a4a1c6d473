package th.go.integritydesk.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The real application on a random port, H2 in memory, job executor running. Every HTTP test class shares this one
 * application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.datasource.url=jdbc:h2:mem:http-tests;DB_CLOSE_DELAY=-1",
        // the tests poll the status API and read the public pages far more often than any one reader may;
        // PublicReadLimitTest lowers it for itself
        "integrity-desk.rate-limit.public-reads=1000000", "integrity-desk.rate-limit.concurrent=64",
        "integrity-desk.search.index-dir=memory"})
public @interface HttpTest {
}
