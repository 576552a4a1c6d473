package th.go.integritydesk.process;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a process variable that the code alone writes and reads: no model or form names it. ModelVocabularyTest
 * checks every other constant against the deployed models and forms, and these against their absence there.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface CodeOnly {}
